/**
 * Version of the stored layout and of the Lua scripts reading it. It is part of every Redis key
 * (`sy:v1:{partition}:…`) and of every script's command name, so during a rolling deploy old and
 * new gateways never read each other's counters with different semantics. Bump it on any change
 * to what the stored values mean (keys, TAT arithmetic, slot members). A script whose arguments
 * or reply change keeps it while the stored meanings stay: each gateway runs its own scripts by
 * their SHA, so old and new scripts never mix in one client (allowances, issue #15, did so).
 */
export const SCRIPT_VERSION = 'v1';
