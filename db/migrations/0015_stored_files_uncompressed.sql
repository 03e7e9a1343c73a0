-- Uploaded documents are mostly compressed already (PDF, ZIP-based office files, images); stored uncompressed
-- out of line, substring() reads only the chunk a download asks for instead of decompressing from the start.
ALTER TABLE "stored_files" ALTER COLUMN "content" SET STORAGE EXTERNAL;
