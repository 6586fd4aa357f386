/**
 * Fanout's own settings: {@link dev.fanout.config.FanoutConfig}, one validated {@code @ConfigMapping} whose values live
 * in {@code application.properties}. Imports nothing of Fanout's; every layer that needs a setting may use it.
 */
package dev.fanout.config;
