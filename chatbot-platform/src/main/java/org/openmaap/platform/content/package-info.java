/**
 * The content server: files chatbots and devices upload (or chatbots name by a URL the platform
 * fetches without reaching internal addresses), their thumbnails, quotas and expiry, and serving
 * them at unguessable URLs with byte ranges. Messages that link a platform image without a
 * thumbnail get the generated one.
 */
package org.openmaap.platform.content;
