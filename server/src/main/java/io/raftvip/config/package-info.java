/**
 * The daemon's configuration: the strict YAML file read once at start ({@link
 * io.raftvip.config.ConfigLoader}), the immutable records it produces ({@link
 * io.raftvip.config.RaftvipConfig} and its parts), and the printer of the effective configuration.
 *
 * <p>Strictness is the point: an unknown key, a wrong type or a value outside its rule is an
 * error naming the key path, the value and the rule, never a silent default. All problems of a file
 * are collected and reported together so an operator fixes them in one pass. Nothing here reads
 * the network except the list of interface names ({@link io.raftvip.config.InterfaceChecker}).
 */
package io.raftvip.config;
