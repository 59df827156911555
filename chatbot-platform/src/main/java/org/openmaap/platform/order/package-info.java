/**
 * Order where several threads call: {@link org.openmaap.platform.order.InTurn} runs each key's work
 * after the work called before it for that key.
 */
package org.openmaap.platform.order;
