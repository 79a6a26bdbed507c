package cn.kaowu.exampackage;

import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The platform's check of an uploaded (reassembled) result package.
 *
 * <p>Format ({@code KWRESLT1}, inside the signed container of {@code SignedContainer}, signed with the site's SM2
 * key): header (format version, result package id, exam package id, site code, plan subject id, sequence,
 * created at); records type 1 candidate result, 2 room record, each {@code entry || hash}, where
 * {@code hash(0) = SM3("kaowu/result-chain/v1", header)} and {@code hash(n) = SM3(hash(n-1) || type || entry)};
 * type 9 end: counts and the chain head.
 *
 * <p>{@link #verify} refuses, in this order: a bad signature (any changed byte, another site's key); a package of
 * another site; a replayed package (id already accepted, or a sequence not above the highest accepted); a broken
 * chain, a duplicated candidate or wrong counts.
 */
public final class ResultPackageVerifier {

    private static final String ZH = "成绩包";
    private static final String EN = "result package";

    private final SignedContainer.Verified container;
    private final ResultPackageHeader header;
    private final String chainHead;
    private final int candidates;
    private final int rooms;

    private ResultPackageVerifier(SignedContainer.Verified container, ResultPackageHeader header) {
        this.container = container;
        this.header = header;
        int[] counts = new int[2];
        this.chainHead = walk(container, new ResultPackageVisitor() {
            @Override
            public void candidate(CandidateResult result) {
                counts[0]++;
            }

            @Override
            public void roomRecord(RoomRecord record) {
                counts[1]++;
            }
        });
        this.candidates = counts[0];
        this.rooms = counts[1];
    }

    /**
     * @param expectedSiteCode the site whose public key is {@code sitePublicKey}
     * @throws CryptoException naming the first check that failed
     */
    public static ResultPackageVerifier verify(Path file, String expectedSiteCode, PublicKey sitePublicKey,
            ResultReplayGuard replayGuard) {
        Objects.requireNonNull(expectedSiteCode, "expectedSiteCode");
        Objects.requireNonNull(replayGuard, "replayGuard");
        SignedContainer.Verified container = SignedContainer.verify(file, ResultPackageWriter.MAGIC, sitePublicKey,
                ZH, EN);
        ResultPackageHeader header = ResultPackageHeader.decode(container.header());
        if (!header.siteCode().equals(expectedSiteCode)) {
            throw new CryptoException("成绩包属于站点 " + header.siteCode() + "，不是 " + expectedSiteCode
                    + " (result package is from site " + header.siteCode() + ", not " + expectedSiteCode + ")");
        }
        if (replayGuard.alreadyAccepted(header.resultPackageId())) {
            throw new CryptoException("成绩包 " + header.resultPackageId() + " 已接收过，拒绝重放 (result package "
                    + header.resultPackageId() + " was already accepted: replay refused)");
        }
        long highest = replayGuard.highestSequence(header.examPackageId());
        if (header.sequence() <= highest) {
            throw new CryptoException("成绩包序号 " + header.sequence() + " 不大于已接收的 " + highest + "，拒绝旧包重放"
                    + " (result package sequence " + header.sequence() + " is not above the accepted " + highest
                    + ": replay of an older upload refused)");
        }
        return new ResultPackageVerifier(container, header);
    }

    public ResultPackageHeader header() {
        return header;
    }

    /** The chain head (SM3, hex) as the site's writer returned it. */
    public String chainHead() {
        return chainHead;
    }

    public int candidateCount() {
        return candidates;
    }

    public int roomRecordCount() {
        return rooms;
    }

    /**
     * Streams the entries, checking chain and signature again; keep what is received provisional (one
     * transaction) until this returns.
     */
    public void read(ResultPackageVisitor visitor) {
        String head = walk(container, visitor);
        if (!head.equals(chainHead)) {
            throw brokenChain();
        }
    }

    /** {@link #read} into memory. */
    public List<CandidateResult> readCandidates() {
        List<CandidateResult> results = new ArrayList<>();
        read(new ResultPackageVisitor() {
            @Override
            public void candidate(CandidateResult result) {
                results.add(result);
            }
        });
        return List.copyOf(results);
    }

    /** The room records into memory, decoded as the site writes them ({@link RoomReport}). */
    public List<RoomReport> readRoomReports() {
        List<RoomReport> reports = new ArrayList<>();
        read(new ResultPackageVisitor() {
            @Override
            public void roomRecord(RoomRecord record) {
                reports.add(RoomReport.decode(record.payload()));
            }
        });
        return List.copyOf(reports);
    }

    private static String walk(SignedContainer.Verified container, ResultPackageVisitor visitor) {
        byte[][] chain = {ResultPackageWriter.chainStart(container.header())};
        Set<String> tickets = new HashSet<>();
        int[] rooms = {0};
        boolean[] ended = {false};
        container.read((type, data) -> {
            if (ended[0]) {
                throw SignedContainer.malformed(ZH, EN);
            }
            if (type == ResultPackageWriter.END) {
                Binary.In in = new Binary.In(data, "成绩包尾", "result package end record");
                int candidateCount = in.i32();
                int roomCount = in.i32();
                byte[] head = in.bytes();
                in.end();
                if (!Arrays.equals(head, chain[0])) {
                    throw brokenChain();
                }
                if (candidateCount != tickets.size() || roomCount != rooms[0]) {
                    throw new CryptoException("成绩包条目数与包尾不符 (result package entry counts do not match its end record)");
                }
                ended[0] = true;
                return;
            }
            if (data.length < ResultPackageWriter.HASH_LENGTH) {
                throw SignedContainer.malformed(ZH, EN);
            }
            byte[] entry = Arrays.copyOf(data, data.length - ResultPackageWriter.HASH_LENGTH);
            byte[] stored = Arrays.copyOfRange(data, entry.length, data.length);
            chain[0] = ResultPackageWriter.link(chain[0], type, entry);
            if (!Arrays.equals(stored, chain[0])) {
                throw brokenChain();
            }
            switch (type) {
                case ResultPackageWriter.CANDIDATE -> {
                    CandidateResult result = CandidateResult.decode(entry);
                    if (!tickets.add(result.ticketNumber())) {
                        throw new CryptoException("成绩包中考生 " + result.ticketNumber() + " 重复 (candidate "
                                + result.ticketNumber() + " appears twice in the result package)");
                    }
                    visitor.candidate(result);
                }
                case ResultPackageWriter.ROOM -> {
                    rooms[0]++;
                    visitor.roomRecord(RoomRecord.decode(entry));
                }
                default -> throw SignedContainer.malformed(ZH, EN);
            }
        });
        if (!ended[0]) {
            throw SignedContainer.malformed(ZH, EN);
        }
        return HexFormat.of().formatHex(chain[0]);
    }

    private static CryptoException brokenChain() {
        return new CryptoException("成绩包哈希链断裂：条目被修改、删除或调换 (result package hash chain broken: an entry was"
                + " changed, removed or reordered)");
    }
}
