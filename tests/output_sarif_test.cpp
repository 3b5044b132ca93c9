#include <gtest/gtest.h>

#include "output/sarif.hpp"
#include "util/text.hpp"

namespace commplan {
namespace {

using nlohmann::json;
using ordered = nlohmann::ordered_json;

json item(json fields) {
  json f = {{"id", "F-1"},           {"title", "Weak TLS"},       {"severity", "high"},
            {"status", "open"},      {"cvss", nullptr},           {"cwe", ""},
            {"phase", ""},           {"found", nullptr},          {"due", nullptr},
            {"owner", ""},           {"affected", json::array()}, {"evidence", ""},
            {"impact", ""},          {"recommendation", ""},      {"references", json::array()},
            {"client_feedback", ""}, {"retest", nullptr},         {"fingerprint", ""}};
  f.update(fields);
  return f;
}

ordered sarif_of(std::vector<json> findings) {
  json view = {{"lang", "en"},
               {"date", "2026-12-18"},
               {"project", {{"name", "Audit"}, {"client", "ACME"}}},
               {"audience", {{"name", "team"}}},
               {"findings", findings}};
  return register_sarif_json(view);
}

TEST(Sarif, OneRunWithCommplanAsTheTool) {
  ordered log = sarif_of({item(json::object())});
  EXPECT_EQ(log["version"], "2.1.0");
  ASSERT_EQ(log["runs"].size(), 1u);
  const ordered& driver = log["runs"][0]["tool"]["driver"];
  EXPECT_EQ(driver["name"], "commplan");
  EXPECT_EQ(driver["version"], COMMPLAN_VERSION);
  EXPECT_EQ(log["runs"][0]["properties"]["date"], "2026-12-18");
}

TEST(Sarif, ARulePerFindingWithItsTextsAndTags) {
  ordered log = sarif_of({item({{"cwe", "CWE-326"},
                                {"impact", "Eavesdropping"},
                                {"recommendation", "Use TLS 1.2"},
                                {"references", {"https://owasp.org/a b", "https://x"}},
                                {"cvss", {{"score", "9.8"}, {"vector", "CVSS:3.1/AV:N"}}}}),
                          item({{"id", "F-2"}, {"references", {"RFC 8446"}}})});
  const ordered& rules = log["runs"][0]["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), 2u);
  EXPECT_EQ(rules[0]["id"], "F-1");
  EXPECT_EQ(rules[0]["shortDescription"]["text"], "Weak TLS");
  EXPECT_EQ(rules[0]["fullDescription"]["text"], "Eavesdropping");
  EXPECT_EQ(rules[0]["help"]["text"], "Use TLS 1.2");
  EXPECT_FALSE(rules[0].contains("helpUri"));  // not a URI as written
  EXPECT_EQ(log["runs"][0]["results"][0]["properties"]["references"],
            (ordered{"https://owasp.org/a b", "https://x"}));
  EXPECT_EQ(rules[0]["properties"]["tags"], (ordered{"CWE-326", "security"}));
  EXPECT_EQ(rules[0]["properties"]["security-severity"], "9.8");
  EXPECT_FALSE(rules[1].contains("helpUri"));  // not a URL
  ordered other = sarif_of({item({{"references", {"https://owasp.org/x"}}})});
  EXPECT_EQ(other["runs"][0]["tool"]["driver"]["rules"][0]["helpUri"], "https://owasp.org/x");
  EXPECT_FALSE(rules[1].contains("fullDescription"));
  EXPECT_EQ(rules[1]["properties"]["tags"], (ordered{"security"}));
}

TEST(Sarif, LevelFollowsTheSeverity) {
  ordered log = sarif_of({item({{"severity", "critical"}}), item({{"severity", "high"}}),
                          item({{"severity", "medium"}}), item({{"severity", "low"}}),
                          item({{"severity", "info"}}), item({{"severity", nullptr}})});
  std::vector<std::string> levels;
  for (const ordered& result : log["runs"][0]["results"]) levels.push_back(result["level"]);
  EXPECT_EQ(levels,
            (std::vector<std::string>{"error", "error", "warning", "note", "note", "note"}));
}

TEST(Sarif, AResultPerFindingWithMessageLocationsAndFingerprint) {
  ordered log = sarif_of(
      {item({{"evidence", "TLS 1.0 offered"},
             {"affected", {"https://portal.example/api/{id}", "db01", "src/a.c", "10.0.0.0/24"}}}),
       item({{"id", "F-2"}, {"fingerprint", "abc"}})});
  const ordered& results = log["runs"][0]["results"];
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0]["ruleId"], "F-1");
  EXPECT_EQ(results[1]["ruleIndex"], 1);
  EXPECT_EQ(results[0]["message"]["text"], "Weak TLS\n\nTLS 1.0 offered");
  EXPECT_EQ(results[1]["message"]["text"], "Weak TLS");
  const ordered& locations = results[0]["locations"];
  ASSERT_EQ(locations.size(), 4u);
  EXPECT_EQ(locations[0]["logicalLocations"][0]["name"], "https://portal.example/api/{id}");
  EXPECT_EQ(locations[1]["logicalLocations"][0]["name"], "db01");
  EXPECT_EQ(locations[2]["physicalLocation"]["artifactLocation"]["uri"], "src/a.c");
  EXPECT_EQ(locations[3]["logicalLocations"][0]["name"], "10.0.0.0/24");
  EXPECT_FALSE(results[1].contains("locations"));
  EXPECT_EQ(results[0]["partialFingerprints"]["commplan/v1"], "F-1");
  EXPECT_EQ(results[1]["partialFingerprints"]["commplan/v1"], "abc");
}

TEST(Sarif, ResultPropertiesCarryTheRegistersFields) {
  json retest = {{"date", "2026-12-17"}, {"result", "passed"}};
  ordered log = sarif_of({item({{"cvss", {{"score", "7.5"}, {"vector", "CVSS:3.1/AV:N"}}},
                                {"cwe", "CWE-79"},
                                {"found", "2026-12-08"},
                                {"due", "2026-12-20"},
                                {"owner", "Li"},
                                {"retest", retest}})});
  const ordered& p = log["runs"][0]["results"][0]["properties"];
  EXPECT_EQ(p["id"], "F-1");
  EXPECT_EQ(p["severity"], "high");
  EXPECT_EQ(p["status"], "open");
  EXPECT_EQ(p["cvss"], "CVSS:3.1/AV:N");
  EXPECT_DOUBLE_EQ(p["cvss_score"].get<double>(), 7.5);
  EXPECT_EQ(p["security-severity"], "7.5");
  EXPECT_EQ(p["cwe"], "CWE-79");
  EXPECT_EQ(p["found"], "2026-12-08");
  EXPECT_EQ(p["due"], "2026-12-20");
  EXPECT_EQ(p["owner"], "Li");
  EXPECT_EQ(p["retest"], ordered(retest));
  EXPECT_FALSE(p.contains("references"));
  EXPECT_FALSE(p.contains("phase"));  // empty fields are left out
}

TEST(Sarif, TellsUrlsAndPathsFromOtherAssets) {
  for (const char* uri : {"https://a.example/x", "file:///etc/passwd", "/etc/ssh/sshd_config",
                          "./app.py", "../x", "src/main.c", "example.com/login"})
    EXPECT_TRUE(looks_like_uri(uri)) << uri;
  for (const char* other : {"db01", "10.0.0.5", "10.0.0.0/24", "2001:db8::/32", "host:443",
                            "Core switch A", "a b/c", ""})
    EXPECT_FALSE(looks_like_uri(other)) << other;
}

TEST(Sarif, KeepsOnlyUrisValidAsWritten) {
  EXPECT_TRUE(is_uri_text("https://a/b?c=d#e"));
  EXPECT_TRUE(is_uri_text("/a%20b"));
  EXPECT_FALSE(is_uri_text("/a b"));
  EXPECT_FALSE(is_uri_text("/api/{id}"));
  EXPECT_FALSE(is_uri_text("/路径"));
  EXPECT_FALSE(is_uri_text(""));
  // RFC 3986: a % starts two hex digits; brackets hold an IP-literal host only; one fragment.
  EXPECT_TRUE(is_uri_text("https://[::1]:8443/x"));
  EXPECT_TRUE(is_uri_text("https://user@[fe80::1]/"));
  EXPECT_TRUE(is_uri_text("http://h/%7Ea"));
  EXPECT_FALSE(is_uri_text("http://h/%zz"));
  EXPECT_FALSE(is_uri_text("http://h/a%2"));
  EXPECT_FALSE(is_uri_text("https://h/[x]"));
  EXPECT_FALSE(is_uri_text("/a[0]"));
  EXPECT_FALSE(is_uri_text("https://[::1/x"));
  EXPECT_FALSE(is_uri_text("https://h/a#b#c"));
  EXPECT_FALSE(looks_like_uri("http://h/%zz"));
  EXPECT_FALSE(looks_like_uri("https://a.example/{id}"));
}

}  // namespace
}  // namespace commplan
