/**
 * Identifiers the platform assigns, kept apart from the domain packages so that each of them may
 * use the same generator without importing another.
 */
package org.openmaap.platform.ids;
