#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "util/sensitive.hpp"

namespace commplan {

namespace {

/// The text of each match, with its kind, for readable comparisons.
std::vector<std::pair<std::string, SensitiveKind>> found(std::string_view text) {
  std::vector<std::pair<std::string, SensitiveKind>> out;
  for (const auto& match : find_sensitive(text))
    out.emplace_back(std::string(text.substr(match.offset, match.length)), match.kind);
  return out;
}

/// Expects `text` to be exactly one match of `kind`, from its first byte to its last.
void expect_whole(std::string_view text, SensitiveKind kind) {
  auto matches = find_sensitive(text);
  ASSERT_EQ(matches.size(), 1u) << text;
  EXPECT_EQ(matches[0], (SensitiveMatch{0, text.size(), kind})) << text;
}

const std::string kJwt =
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaW"
    "F0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

const std::string kRsaKey =
    "-----BEGIN RSA PRIVATE KEY-----\n"
    "MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n"
    "KUpRKfFLfRYC9AIKjbJTWit+CqvjWYzvQwECAwEAAQJAIJLixBy2qpFoS4DSmoEm\n"
    "-----END RSA PRIVATE KEY-----";

}  // namespace

TEST(SensitiveData, NamesEachKindForMessages) {
  EXPECT_EQ(to_string(SensitiveKind::payment_card), "payment card number");
  EXPECT_EQ(to_string(SensitiveKind::iban), "IBAN");
  EXPECT_EQ(to_string(SensitiveKind::private_key), "private key");
  EXPECT_EQ(to_string(SensitiveKind::aws_access_key), "AWS access key id");
  EXPECT_EQ(to_string(SensitiveKind::github_token), "GitHub token");
  EXPECT_EQ(to_string(SensitiveKind::jwt), "JSON Web Token");
}

TEST(SensitiveData, FindsThePublicTestCardNumbers) {
  // The networks' published test numbers, as they are printed.
  for (const char* card : {"4111 1111 1111 1111", "4111111111111111",    "4012888888881881",
                           "4222222222222",       "4111111111111111110", "4000 0000 0000 0000 006",
                           "5500-0000-0000-0004", "5555555555554444",    "5105105105105100",
                           "2223003122003222",    "378282246310005",     "3714 496353 98431",
                           "30569309025904",      "3056 930902 5904",    "38520000023237",
                           "6011111111111117",    "6011-0009-9013-9424", "3530111333300000",
                           "3566002020360505",    "6200000000000005",    "6250941006528599",
                           "6304000000000000018"})
    expect_whole(card, SensitiveKind::payment_card);
}

TEST(SensitiveData, FindsTheRegistryExampleIbans) {
  // Examples of the SWIFT IBAN registry, in print and electronic form.
  for (const char* iban :
       {"DE89 3704 0044 0532 0130 00", "DE89370400440532013000", "GB82WEST12345698765432",
        "GB29 NWBK 6016 1331 9268 19", "FR1420041010050500013M02606", "NL91ABNA0417164300",
        "BE68 5390 0754 7034", "NO9386011117947", "CH9300762011623852957",
        "MT84MALT011000012345MTLCAST001S", "LC55HEMM000100010012001200023015",
        "RU0304452522540817810538091310419", "IT60X0542811101000000123456",
        "ES91 2100 0418 4502 0005 1332", "PL61109010140000071219812874", "SA0380000000608010167519",
        "AT611904300234573201", "BR97 0036 0305 0000 1000 9795 493P 1"})
    expect_whole(iban, SensitiveKind::iban);
}

TEST(SensitiveData, FindsPrivateKeyBlocks) {
  expect_whole(kRsaKey, SensitiveKind::private_key);
  for (const char* label : {"PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY",
                            "ENCRYPTED PRIVATE KEY", "PGP PRIVATE KEY BLOCK"}) {
    std::string block = std::string("-----BEGIN ") + label + "-----\nMIIEvQIBADANBgkqhkiG9w0\n" +
                        "-----END " + label + "-----";
    expect_whole(block, SensitiveKind::private_key);
  }
  // Without its END line the block runs to the end of the text.
  std::string text = "key: -----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n";
  EXPECT_EQ(find_sensitive(text),
            (std::vector<SensitiveMatch>{{5, text.size() - 5, SensitiveKind::private_key}}));
  // A public key or a certificate is no secret.
  EXPECT_TRUE(
      find_sensitive("-----BEGIN PUBLIC KEY-----\nMFkwEw\n-----END PUBLIC KEY-----").empty());
  EXPECT_TRUE(
      find_sensitive("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----").empty());
}

TEST(SensitiveData, FindsAwsAccessKeyIds) {
  expect_whole("AKIAIOSFODNN7EXAMPLE", SensitiveKind::aws_access_key);
  expect_whole("ASIAY34FZKBOKMUTVV7A", SensitiveKind::aws_access_key);
  EXPECT_EQ(found("aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"),
            (decltype(found("")){{"AKIAIOSFODNN7EXAMPLE", SensitiveKind::aws_access_key}}));
  // One character too many or too few, lower case, or inside a longer word.
  for (const char* text :
       {"AKIAIOSFODNN7EXAMPLEX", "AKIAIOSFODNN7EXAMPL", "akiaiosfodnn7example",
        "AKIAIOSFODNN7EXAMPLe", "XAKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE_1"})
    EXPECT_TRUE(find_sensitive(text).empty()) << text;
}

TEST(SensitiveData, FindsGitHubTokens) {
  std::string body = "0123456789abcdefghijABCDEFGHIJ012345";  // 36 characters
  for (const char* prefix : {"ghp_", "gho_", "ghu_", "ghs_", "ghr_"})
    expect_whole(prefix + body, SensitiveKind::github_token);
  std::string pat = "github_pat_11ABCDEFG0" + std::string(52, 'x') + "_abcdefghijklmnopqrs";
  ASSERT_EQ(pat.size(), 11u + 82u);
  expect_whole(pat, SensitiveKind::github_token);
  for (const std::string& text :
       {"ghx_" + body, "ghp_" + body.substr(1), "ghp_" + body + "9", "xghp_" + body,
        "ghp_" + body.substr(1) + "-", pat.substr(0, pat.size() - 1), pat + "x"})
    EXPECT_TRUE(find_sensitive(text).empty()) << text;
}

TEST(SensitiveData, FindsJsonWebTokens) {
  expect_whole(kJwt, SensitiveKind::jwt);
  // Unsigned (alg none): the signature is empty.
  expect_whole("eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.", SensitiveKind::jwt);
  EXPECT_EQ(found("Authorization: Bearer " + kJwt + "."),
            (decltype(found("")){{kJwt, SensitiveKind::jwt}}));
  // Two segments, a payload that is not JSON, a fifth segment (encrypted), inside a word.
  for (const std::string& text : {std::string("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0"),
                                  std::string("eyJhbGciOiJIUzI1NiJ9.abc.def"), kJwt + ".abc.def",
                                  "x" + kJwt, std::string("a.b.c"), std::string("eyJ.eyJ.x")})
    EXPECT_TRUE(find_sensitive(text).empty()) << text;
}

TEST(SensitiveData, LeavesNumbersThatAreNoCardAlone) {
  for (const char* text : {
           "4111111111111112",           // fails Luhn
           "4111 1111 1111 1112",        // fails Luhn, grouped
           "+86 512 6000 0318",          // a phone number
           "+86 138 0013 8002",          // a phone number whose 13 digits pass Luhn
           "86 138 0013 8002",           // the same without its plus: not laid out as a card
           "2027-03-16",                 // an ISO date
           "2027-03-16T09:30:00+08:00",  // an ISO date and time
           "20270316123004",             // a compact timestamp that passes Luhn
           "order 123456789012",         // an order number of 12 digits
           "12345678901234567890",       // a run of 20 digits
           "41111111111111111111",       // a card with one digit too many
           "order 4111111111111111x",    // inside a longer word
           "SN4111111111111111",         // inside a longer word
           "7 4111 1111 1111 1111",      // a longer grouped number
           "4111-1111 1111-1111",        // separators mixed
           "4111  1111  1111  1111",     // separators doubled
           "v4.1.1.1 1.2.3 10.0.19045",  // version strings
           "0000000000000000",           // no card network starts with 0
           "7000000000000000004"         // nor with 7
       })
    EXPECT_TRUE(find_sensitive(text).empty()) << text;
}

TEST(SensitiveData, LeavesLookalikeIbansAlone) {
  for (const char* text : {
           "DE88 3704 0044 0532 0130 00",  // check digits wrong
           "DE89370400440532013001",       // a digit changed
           "DE89 3704 0044 0532 0130 0",   // one character short of Germany's 22
           "DE89370400440532013000X",      // inside a longer word
           "de89370400440532013000",       // lower case
           "XX89370400440532013000",       // no such country
           "DE89 37040044 0532 0130 00",   // groups not of 4
           "ISO 8601 2027-03-16",          // letters and digits, no IBAN
       })
    EXPECT_TRUE(find_sensitive(text).empty()) << text;
}

TEST(SensitiveData, FindsDataNextToChineseText) {
  std::string text = "卡号4111111111111111已作废";
  EXPECT_EQ(find_sensitive(text),
            (std::vector<SensitiveMatch>{{6, 16, SensitiveKind::payment_card}}));
  EXPECT_EQ(mask_sensitive(text), "卡号4111********1111已作废");
  EXPECT_EQ(found("收款账户：DE89370400440532013000，请勿外传"),
            (decltype(found("")){{"DE89370400440532013000", SensitiveKind::iban}}));
  EXPECT_EQ(mask_sensitive("密钥AKIAIOSFODNN7EXAMPLE已泄露；令牌" + kJwt + "。"),
            "密钥AKIA****************已泄露；令牌eyJhbGci…[masked]。");
  // Full-width digits are not ASCII digits: a card written in them is not found.
  EXPECT_TRUE(find_sensitive("４１１１１１１１１１１１１１１１").empty());
}

TEST(SensitiveData, ReportsEachPlaceOnceWhenCandidatesOverlap) {
  // Card-like digits and a key id inside a private key block: one private key.
  std::string key = "-----BEGIN PRIVATE KEY-----\n4111111111111111AKIAIOSFODNN7EXAMPLE\n" +
                    std::string("-----END PRIVATE KEY-----");
  expect_whole(key, SensitiveKind::private_key);
  // Digits of an IBAN or a token are not a card of their own.
  expect_whole("DE89 4111 1111 1111 1111 11", SensitiveKind::iban);
  expect_whole("ghp_4111111111111111AKIAIOSFODNN7EXAMPLE", SensitiveKind::github_token);
  // A card followed by more groups: the card is found, then the next card after it.
  EXPECT_EQ(found("4111 1111 1111 1111 5500 0000 0000 0004"),
            (decltype(found("")){{"4111 1111 1111 1111", SensitiveKind::payment_card},
                                 {"5500 0000 0000 0004", SensitiveKind::payment_card}}));
  EXPECT_EQ(found("4111 1111 1111 1111 12/27, 378282246310005 02/28"),
            (decltype(found("")){{"4111 1111 1111 1111", SensitiveKind::payment_card},
                                 {"378282246310005", SensitiveKind::payment_card}}));
  // Matches come in text order and never overlap.
  std::string text = "a " + kJwt + " b 4111111111111111 c GB82WEST12345698765432 " + kRsaKey;
  auto matches = find_sensitive(text);
  ASSERT_EQ(matches.size(), 4u);
  for (size_t k = 1; k < matches.size(); ++k)
    EXPECT_LE(matches[k - 1].offset + matches[k - 1].length, matches[k].offset);
}

TEST(SensitiveData, MasksCardsKeepingFirstAndLastFourAndSeparators) {
  EXPECT_EQ(mask_sensitive("4111 1111 1111 1111"), "4111 **** **** 1111");
  EXPECT_EQ(mask_sensitive("4111111111111111"), "4111********1111");
  EXPECT_EQ(mask_sensitive("5500-0000-0000-0004"), "5500-****-****-0004");
  EXPECT_EQ(mask_sensitive("3714 496353 98431"), "3714 ****** *8431");
  EXPECT_EQ(mask_sensitive("4222222222222"), "4222*****2222");
  EXPECT_EQ(mask_sensitive("card 4111 1111 1111 1111 exp 12/27, cvv given by phone"),
            "card 4111 **** **** 1111 exp 12/27, cvv given by phone");
}

TEST(SensitiveData, MasksIbansKeepingCountryCheckDigitsAndLastFour) {
  EXPECT_EQ(mask_sensitive("DE89 3704 0044 0532 0130 00"), "DE89 **** **** **** **30 00");
  EXPECT_EQ(mask_sensitive("GB82WEST12345698765432"), "GB82**************5432");
  EXPECT_EQ(mask_sensitive("NO9386011117947"), "NO93*******7947");
}

TEST(SensitiveData, MasksKeysAndTokensKeepingTheirKind) {
  EXPECT_EQ(mask_sensitive("AKIAIOSFODNN7EXAMPLE"), "AKIA****************");
  EXPECT_EQ(mask_sensitive("ASIAY34FZKBOKMUTVV7A"), "ASIA****************");
  EXPECT_EQ(mask_sensitive("token ghp_0123456789abcdefghijABCDEFGHIJ012345 leaked"),
            "token ghp_**************** leaked");
  EXPECT_EQ(mask_sensitive("github_pat_" + std::string(82, 'A')), "github_pat_****************");
  EXPECT_EQ(mask_sensitive("Bearer " + kJwt), "Bearer eyJhbGci…[masked]");
  EXPECT_EQ(mask_sensitive("eyJh.eyJz.sig"), "eyJh…[masked]");
  EXPECT_EQ(mask_sensitive("key:\n" + kRsaKey + "\nend"),
            "key:\n-----BEGIN RSA PRIVATE KEY-----\n[private key masked]\n"
            "-----END RSA PRIVATE KEY-----\nend");
  EXPECT_EQ(mask_sensitive("-----BEGIN EC PRIVATE KEY-----\r\nMHcCAQEEIIm\r\n"
                           "-----END EC PRIVATE KEY-----\r\n"),
            "-----BEGIN EC PRIVATE KEY-----\r\n[private key masked]\r\n"
            "-----END EC PRIVATE KEY-----\r\n");
  // A block cut short keeps no END line it never had.
  EXPECT_EQ(mask_sensitive("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA"),
            "-----BEGIN OPENSSH PRIVATE KEY-----\n[private key masked]");
}

TEST(SensitiveData, MasksEveryKindInOneText) {
  std::string text =
      "Paid with 4111 1111 1111 1111 from DE89 3704 0044 0532 0130 00; CI uses "
      "AKIAIOSFODNN7EXAMPLE and " +
      kJwt + ".";
  EXPECT_EQ(mask_sensitive(text),
            "Paid with 4111 **** **** 1111 from DE89 **** **** **** **30 00; CI uses "
            "AKIA**************** and eyJhbGci…[masked].");
  EXPECT_EQ(mask_sensitive("nothing to hide, 2027-03-16"), "nothing to hide, 2027-03-16");
  EXPECT_EQ(mask_sensitive(""), "");
}

TEST(SensitiveData, MasksOnlyTheMatchesItIsGiven) {
  std::string text = "4111111111111111 and 5555555555554444";
  auto matches = find_sensitive(text);
  ASSERT_EQ(matches.size(), 2u);
  EXPECT_EQ(mask_sensitive(text, {matches[1]}), "4111111111111111 and 5555********4444");
  EXPECT_EQ(mask_sensitive(text, {}), text);
  // Out of order, overlapping or out-of-range matches are skipped, not trusted.
  std::vector<SensitiveMatch> bad = {matches[1], matches[0], {30, 100, SensitiveKind::jwt}};
  EXPECT_EQ(mask_sensitive(text, bad), "4111111111111111 and 5555********4444");
}

TEST(SensitiveData, ScansLargeInputsInOnePass) {
  // About 1 MB each; a scan that restarted at every digit or group would take minutes.
  std::string groups;
  while (groups.size() < (1u << 20)) groups += "1111 ";  // one run of groups, no card in it
  EXPECT_TRUE(find_sensitive(groups).empty());
  std::string digits(1u << 20, '4');  // one run of digits, far too long for a card
  EXPECT_TRUE(find_sensitive(digits).empty());
  std::string cards;
  size_t count = 0;
  for (; cards.size() < (1u << 20); ++count) cards += "4111111111111111 ";
  auto matches = find_sensitive(cards);
  ASSERT_EQ(matches.size(), count);
  EXPECT_EQ(matches.back(), (SensitiveMatch{(count - 1) * 17, 16, SensitiveKind::payment_card}));
  std::string masked = mask_sensitive(cards);
  EXPECT_EQ(masked.substr(0, 34), "4111********1111 4111********1111 ");
  // Near-misses of every kind, repeated: each start is tried once and given up quickly.
  std::string near;
  while (near.size() < (1u << 20))
    near += "DE89 3704 0044 AKIA1234 ghp_abc eyJabc.eyJ -----BEGIN X 4111 1111 ";
  EXPECT_TRUE(find_sensitive(near).empty());
  std::string open_key = "-----BEGIN PRIVATE KEY-----\n";
  while (open_key.size() < (1u << 20)) open_key += "-----BEGIN PRIVATE KEY-----\n";
  EXPECT_EQ(find_sensitive(open_key).size(), 1u);
}

}  // namespace commplan
