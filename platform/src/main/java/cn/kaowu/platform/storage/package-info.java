/**
 * Files: upload checks (size, type by content, safe names) and storage of uploaded and generated files
 * behind {@link BlobStore} (file system now; an S3-compatible store can implement the same interface).
 * Storage does not check scope: the module that references a file checks the caller may see its record.
 */
package cn.kaowu.platform.storage;
