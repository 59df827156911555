/**
 * Work as data: future actions are rows with a due time in the store, pulled in batches by a
 * worker that claims them with a lease and settles them when done, so that nothing that must
 * happen lives only in memory and a crash redoes at most what was claimed and not settled.
 */
package org.openmaap.platform.work;
