/** The network side: RCS devices over WebSocket (the simulator, tests, a gateway) and provisioning. */
package org.openmaap.platform.network;
