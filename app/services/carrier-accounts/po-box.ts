/**
 * A street line that is a post office box ("PO Box 12", "P.O. BOX 12", "Post Office Box 12"). Neither EasyPost nor
 * Shippo returns a PO box flag; the verified street (standardised to "PO BOX 12" by USPS addressing rules) says it.
 */
export const isPoBox = (street: string | null | undefined): boolean =>
  !!street && /\b(p\.?\s*o\.?\s*box|post\s+office\s+box)\b/i.test(street);
