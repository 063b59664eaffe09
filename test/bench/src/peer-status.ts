/** Whether the peer gateway took part in a run, and if not, why. */
export type PeerStatus =
  | { readonly available: true; readonly name: string; readonly version: string }
  | { readonly available: false; readonly reason: string };
