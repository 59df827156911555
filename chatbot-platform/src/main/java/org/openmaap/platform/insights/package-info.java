/**
 * Insights: a chatbot's (or every chatbot's) messages over a range of time, counted and rated by
 * UTC hour from the message rows, for the Chatbot API, the admin API and the console's charts.
 */
package org.openmaap.platform.insights;
