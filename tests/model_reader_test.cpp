// ObjectReader: a mapping's fields found for describe() in whatever order a file writes them.

#include <gtest/gtest.h>

#include <string>

#include "load/document.hpp"
#include "model/reader.hpp"

namespace commplan {
namespace {

/// A model type of three fields. With `reversed` set, its describe() asks for them in another
/// order than field_names() found on a default object: the reader then looks them up by name.
struct Triple {
  Origin origin;
  std::string a, b, c;
  bool reversed = false;
};

template <class V>
void describe(V& v, Triple& t) {
  if (t.reversed) {
    v.field("c", t.c, 0, "");
    v.field("b", t.b, 0, "");
    v.field("a", t.a, kRequired, "");
  } else {
    v.field("a", t.a, kRequired, "");
    v.field("b", t.b, 0, "");
    v.field("c", t.c, 0, "");
  }
}

/// `t` read from `yaml`; the messages of the read, one a line.
std::string read(const std::string& yaml, Triple& t) {
  Diagnostics d;
  Document doc = parse_document("t.yaml", yaml, Format::yaml, d);
  PlaceStore store;
  ReadContext ctx{&doc, d, store};
  read_object(ctx, doc.root, "t", t);
  std::string messages;
  for (const auto& item : d.items()) messages += format_headline(item) + "\n";
  return messages;
}

TEST(ObjectReader, FindsEachFieldWhereverTheFileWritesIt) {
  for (const char* yaml : {"a: 1\nb: 2\nc: 3\n", "c: 3\nb: 2\na: 1\n", "b: 2\na: 1\nc: 3\n",
                           "c: 3\na: 1\nb: 2\n", "{c: 3, a: 1, b: 2}"}) {
    for (bool reversed : {false, true}) {
      SCOPED_TRACE(std::string(yaml) + (reversed ? " (asked in reverse)" : ""));
      Triple t;
      t.reversed = reversed;
      EXPECT_EQ(read(yaml, t), "");
      EXPECT_EQ(t.a + t.b + t.c, "123");
    }
  }
}

TEST(ObjectReader, TellsAbsentAndUnknownFieldsAsked) {
  for (bool reversed : {false, true}) {
    SCOPED_TRACE(reversed ? "asked in reverse" : "asked in order");
    Triple t;
    t.reversed = reversed;
    EXPECT_EQ(read("unrelated: 0\nc: 3\nanother: 4\n", t),
              "t.yaml:1:1: error: t: missing required field \"a\"\n"
              "t.yaml:1:1: warning: t.unrelated: unknown field \"unrelated\"\n"
              "t.yaml:3:1: warning: t.another: unknown field \"another\"\n");
    EXPECT_EQ(t.a + "|" + t.b + "|" + t.c, "||3");
  }
}

}  // namespace
}  // namespace commplan
