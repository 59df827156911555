/**
 * The chatbots the platform knows: registration, profiles, client and webhook secrets (client
 * secrets stored hashed), secret rotation, and OAuth2 client-credentials tokens.
 */
package org.openmaap.platform.registry;
