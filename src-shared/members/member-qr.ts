// The wallet's member code as the till sees it: the signed payload starts with this (signing
// and checking are in src-node/members/member-qr.ts).

export const MEMBER_QR_PREFIX = 'SDM1.';
export const looksLikeMemberQr = (text: string) => text.trim().startsWith(MEMBER_QR_PREFIX);

/** A member code is made for a 30-second window; the wallet shows a fresh one as each begins. */
export const MEMBER_QR_SLOT_MS = 30_000;
