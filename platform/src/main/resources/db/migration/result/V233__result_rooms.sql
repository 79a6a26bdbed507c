-- What the proctors recorded per room (RoomReport in the result package: outcomes, extensions, incidents and
-- violations with signatures, early-leave consents, seal), kept per package and room (the latest result wins), and
-- each candidate's outcome, room, extension and warnings beside their result.
CREATE TABLE result_room (
    exam_package_id varchar(40)  NOT NULL,
    room_code       varchar(100) NOT NULL,
    result_id       varchar(64)  NOT NULL,
    report          text         NOT NULL,
    PRIMARY KEY (exam_package_id, room_code)
);

ALTER TABLE result_candidate
    ADD COLUMN outcome           varchar(20),
    ADD COLUMN room_code         varchar(100),
    ADD COLUMN extension_minutes int NOT NULL DEFAULT 0,
    ADD COLUMN warnings          int NOT NULL DEFAULT 0;
