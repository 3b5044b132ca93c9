#pragma once
// Finding and masking what must not reach a client page: payment card numbers, IBANs, private
// keys and well-known token shapes. Pure functions over text; one pass, linear in its length.
//
// What is found (offsets and lengths in bytes; only ASCII is matched, so CJK text around a
// match is a boundary like a space, and a match never splits a UTF-8 sequence):
//
// - payment card number: 13-19 digits passing the Luhn check, not preceded by a letter, digit,
//   `_` or `+` (a phone number) nor followed by a letter, digit or `_`, either in one run or in
//   groups joined by single spaces or by single dashes (one kind per number) laid out as cards
//   are printed: groups of 4 and a last group of 1-4 (`4111 1111 1111 1111`), or 4-6-4 and
//   4-6-5 (Diners, Amex). Its first digits and length must be a card network's (1 UATP,
//   2200-2204 Mir, 2221-2720 Mastercard, 34/37 Amex, 30/36/38/39 Diners, 35 JCB, 4 Visa, 5 and 6
//   Mastercard, Maestro, Discover, UnionPay, 81 UnionPay, 9 national schemes): a compact
//   timestamp such as 20270316123004 passes Luhn but is no card. A grouped number starts its
//   run of groups, or follows a match: in `7 4111 1111 1111 1111` there is none. When a whole
//   run of groups is no card, its longest leading groups that are one are reported, so
//   `4111 1111 1111 1111 12/27` holds a card and an expiry date.
// - IBAN: an ISO 13616 country code from the SWIFT registry, 2 check digits and the country's
//   BBAN length of upper-case letters and digits, unbroken or in groups of 4 joined by single
//   spaces (the last one may be shorter), word-bounded, passing the mod-97 check.
// - private key: a PEM block from `-----BEGIN <label>PRIVATE KEY-----` (also `... PRIVATE KEY
//   BLOCK-----`, as PGP writes) through its matching END line, or to the end of the text when
//   the END line is missing.
// - AWS access key id: `AKIA` or `ASIA` and 16 upper-case letters or digits, word-bounded.
// - GitHub token: `ghp_`, `gho_`, `ghu_`, `ghs_` or `ghr_` and 36 letters or digits, or
//   `github_pat_` and 82 of letters, digits and `_`, word-bounded.
// - JSON Web Token: three base64url segments joined by dots, the first two starting with `eyJ`
//   (base64 of `{"`), the signature possibly empty (an unsigned token).
//
// How each is masked (deterministic; everything outside a match is copied unchanged):
//
// - payment card number: the first 4 and the last 4 digits stay, every other digit becomes
//   `*`, separators stay: `4111 **** **** 1111`, `4111********1111`.
// - IBAN: the country code and check digits (first 4 characters) and the last 4 letters or
//   digits stay, every other letter or digit becomes `*`, spaces stay:
//   `DE89 **** **** **** **30 00`, `GB82**************5432`.
// - private key: the BEGIN line, `[private key masked]`, the END line (left out when the text
//   had none), on lines of their own: the key material is gone.
// - AWS access key id and GitHub token: the prefix naming the kind stays, then 16 `*`
//   whatever the length: `AKIA****************`, `ghp_****************`,
//   `github_pat_****************`.
// - JSON Web Token: its first 8 characters (they only say `{"alg"` or `{"typ"`), then
//   `…[masked]`: `eyJhbGci…[masked]`.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace commplan {

/// The kinds of sensitive data find_sensitive() knows.
enum class SensitiveKind { payment_card, iban, private_key, aws_access_key, github_token, jwt };

/// One piece of sensitive data: bytes [offset, offset + length) of the text searched.
struct SensitiveMatch {
  size_t offset = 0;
  size_t length = 0;
  SensitiveKind kind = SensitiveKind::payment_card;

  bool operator==(const SensitiveMatch&) const = default;
};

/// A short English name for messages: "payment card number", "IBAN", "private key", ...
std::string_view to_string(SensitiveKind kind);

/// Every piece of sensitive data in `text`, in text order and not overlapping.
std::vector<SensitiveMatch> find_sensitive(std::string_view text);

/// `text` with every match masked by the rules above. Matches must come from find_sensitive()
/// on the same text; ones out of order, overlapping an earlier one or past the end are skipped.
std::string mask_sensitive(std::string_view text, const std::vector<SensitiveMatch>& matches);

/// `text` with everything find_sensitive() finds in it masked.
std::string mask_sensitive(std::string_view text);

}  // namespace commplan
