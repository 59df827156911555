/** The web tools people use: the rich-card preview and the phone simulator. */
package org.openmaap.platform.web;
