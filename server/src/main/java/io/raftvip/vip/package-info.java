/**
 * VIP ownership: the controller that applies the ownership rule and makes the kernel match it,
 * and the loop that runs it on one thread.
 */
package io.raftvip.vip;
