/**
 * Version of the stored layout and of the Lua scripts reading it. It is part of every Redis key
 * (`sy:v1:{partition}:…`) and of every script's command name, so during a rolling deploy old and
 * new gateways never read each other's counters with different semantics. Bump it on any change
 * to the scripts' keys, arguments, replies or arithmetic.
 */
export const SCRIPT_VERSION = 'v1';
