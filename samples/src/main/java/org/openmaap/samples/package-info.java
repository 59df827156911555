/**
 * The demo behind {@code ./run.sh}: the platform started in this JVM, the three sample chatbots
 * ({@code coffee}, {@code parcel}, {@code flight}) registered as real webhook servers, and two demo
 * phones.
 */
package org.openmaap.samples;
