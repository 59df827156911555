package org.openmaap.platform.content;

import java.nio.file.Path;

/**
 * A file's bytes received into the content server's temporary directory (uploaded or fetched),
 * with what the transfer said about it: its content type and file name, either possibly null.
 */
record Received(Path path, long size, String transferType, String fileName) {}
