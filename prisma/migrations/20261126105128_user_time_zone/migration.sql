-- AlterTable
ALTER TABLE "User" ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'UTC';


-- Hand-written: an IANA zone name's shape (the application checks it is a zone the runtime knows).
ALTER TABLE "User" ADD CONSTRAINT "User_timeZone_format" CHECK ("timeZone" ~ '^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$' AND char_length("timeZone") <= 64);
