#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "output/communications_yaml.hpp"

namespace commplan {
namespace {

using nlohmann::json;

json view_of(const std::string& lang, const std::string& id, const std::string& title) {
  json dimension = {{"key", "why"}, {"name", "WHY"}, {"question", "Why?"}, {"answer", "\"a\""}};
  return {{"kind", "commplan/five-w2h"},
          {"lang", lang},
          {"communications", {{{"id", id}, {"title", title}, {"dimensions", {dimension}}}}}};
}

TEST(CommunicationsYaml, WritesTheViewsQuestionsAndAnswers) {
  EXPECT_EQ(communications_yaml(view_of("en", "t1", "Talk")),
            "# Paste the entries below into the communications list of a project file.\n"
            "communications:\n"
            "  - id: \"t1\"\n    title: \"Talk\"\n    # WHY: Why?\n    why: \"\\\"a\\\"\"\n");
}

TEST(CommunicationsYaml, EscapesWhatYamlCannotHoldUnescaped) {
  // DEL, a C1 control and U+FFFE are not YAML's printable characters; NEL (U+0085) and é are.
  std::string yaml =
      communications_yaml(view_of("en", "t1", "a\x7F b\xC2\x80 c\xEF\xBF\xBE d\xC2\x85 \xC3\xA9"));
  EXPECT_NE(yaml.find("title: \"a\\u007F b\\u0080 c\\uFFFE d\xC2\x85 \xC3\xA9\"\n"),
            std::string::npos)
      << yaml;
}

TEST(CommunicationsYaml, NotesInTheViewsLanguageAndMakesAMissingId) {
  std::string zh = communications_yaml(view_of("zh", "", "Move the cutover!"));
  EXPECT_EQ(zh.rfind("# 把下面的条目粘贴到项目文件的 communications 列表中。\n", 0), 0u) << zh;
  EXPECT_NE(zh.find("  - id: \"move-the-cutover\"\n"), std::string::npos) << zh;
  EXPECT_NE(communications_yaml(view_of("", "", "")).find("id: \"topic\""), std::string::npos);
}

TEST(CommunicationsYaml, CommunicationIdKeepsAsciiLettersAndDigits) {
  EXPECT_EQ(communication_id("Move the cutover to Tuesday!"), "move-the-cutover-to-tuesday");
  EXPECT_EQ(communication_id("  DC-05: row C  "), "dc-05-row-c");
  EXPECT_EQ(communication_id("向马丽通报 WMS-04"), "wms-04");
  EXPECT_EQ(communication_id("向马丽通报"), "topic");
  EXPECT_EQ(communication_id(""), "topic");
}

}  // namespace
}  // namespace commplan
