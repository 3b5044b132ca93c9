// The JSON Schema of the project file, written from the same describe() the loader reads with.

#include "model/reader.hpp"

namespace commplan {

namespace {

using nlohmann::json;

json with_null(json schema) {
  if (schema.contains("type") && schema["type"].is_string()) {
    schema["type"] = json::array({schema["type"], "null"});
    return schema;
  }
  if (schema.contains("type") && schema["type"].is_array()) {
    schema["type"].push_back("null");
    return schema;
  }
  return json{{"anyOf", json::array({schema, json{{"type", "null"}}})}};
}

/// The canonical values, then the other words the loader accepts for them (严重, 周一...).
template <class E>
json enum_schema() {
  json values = enum_names<E>();
  for (auto& alias : enum_aliases<E>()) values.push_back(std::move(alias));
  return json{{"enum", values}};
}

// A scalar the model reads as text may be written plain in YAML (`version: 1.10`), which a
// YAML 1.2 reader types as a number or boolean: the schema accepts those too.
json schema_of(const std::string*) { return json{{"type", {"string", "number", "boolean"}}}; }
json schema_of(const Text*) { return schema_of(static_cast<const std::string*>(nullptr)); }
json schema_of(const bool*) { return json{{"type", "boolean"}}; }
json schema_of(const std::optional<int>*) {
  return json{{"type", "integer"}, {"minimum", 0}, {"maximum", kMaxWholeNumber}};
}
json schema_of(const Date*) {
  return json{{"type", "string"}, {"pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}, {"format", "date"}};
}
json schema_of(const std::optional<Date>*) { return schema_of(static_cast<const Date*>(nullptr)); }
json schema_of(const std::optional<ClockTime>*) {
  return json{{"type", "string"}, {"pattern", "^([01][0-9]|2[0-3]):[0-5][0-9]$"}};
}
json schema_of(const std::optional<Severity>*) { return enum_schema<Severity>(); }
json schema_of(const Severity*) { return enum_schema<Severity>(); }
json schema_of(const std::optional<Status>*) { return enum_schema<Status>(); }
json schema_of(const std::optional<Lang>*) { return enum_schema<Lang>(); }
json schema_of(const MeetingKind*) { return enum_schema<MeetingKind>(); }
json schema_of(const Weekday*) { return enum_schema<Weekday>(); }
json schema_of(const std::optional<RetestResult>*) { return enum_schema<RetestResult>(); }

template <class T>
requires requires(T t) { t.origin; }
json schema_of(const T*);
json schema_of(const Boxed<Notification>*);
json schema_of(const Boxed<Retest>*);
json schema_of(const Question*);
json schema_of(const std::vector<std::string>*);

template <class T>
json schema_of(const std::vector<T>*) {
  return json{{"type", "array"}, {"items", schema_of(static_cast<const T*>(nullptr))}};
}

/// What the loader requires of a field beyond its type, where a schema can say it: the texts
/// whose shape it checks (only as a text: a number there is refused too), and a list of days
/// that is neither empty nor repeats one. The loader checks more (a CVSS vector's metrics, an
/// address's every part); these keep an editor from accepting what it refuses outright.
void constrain(std::string_view name, json& schema) {
  // local@domain, without a name or <>; a quoted local part may hold spaces and escapes. No
  // \s: a schema's regular expressions read it as any Unicode space, which the loader allows.
  if (name == "email")
    schema = json{{"type", "string"},
                  {"pattern", R"(^([^<> \t\r\n"@]+|"([^"\\]|\\.)*")@[^<> \t\r\n@]+$)"}};
  else if (name == "cwe")
    schema = json{{"type", "string"}, {"pattern", "^CWE-[0-9]{1,7}$"}};
  else if (name == "cvss")
    schema = json{{"type", "string"}, {"pattern", R"(^CVSS:(3\.0|3\.1|4\.0)/)"}};
  else if (name == "workdays")
    schema.update(json{{"minItems", 1}, {"uniqueItems", true}});
}

/// Writes one object's properties as describe() names them.
class SchemaWriter {
 public:
  template <class T>
  void field(std::string_view name, T& member, unsigned flags, std::string_view description) {
    json schema = schema_of(&member);
    constrain(name, schema);
    schema["description"] = description;
    properties_[std::string(name)] = (flags & kRequired) ? schema : with_null(schema);
    if (flags & kRequired) required_.push_back(std::string(name));
  }
  template <class Part, class T>
  void apart(std::string_view name, Boxed<Part>& /*box*/, T Part::*member, unsigned flags,
             std::string_view description) {
    Part part{};
    field(name, part.*member, flags, description);
  }

  json object() const {
    json out{{"type", "object"}, {"properties", properties_}, {"additionalProperties", false}};
    if (!required_.empty()) out["required"] = required_;
    return out;
  }

 private:
  json properties_ = json::object();
  json required_ = json::array();
};

template <class T>
requires requires(T t) { t.origin; }
json schema_of(const T*) {
  T instance{};
  SchemaWriter writer;
  describe(writer, instance);
  return writer.object();
}

json schema_of(const Boxed<Notification>*) {
  return schema_of(static_cast<const Notification*>(nullptr));
}

json schema_of(const Boxed<Retest>*) { return schema_of(static_cast<const Retest*>(nullptr)); }

json schema_of(const Question*) {
  json object = schema_of<Question>(static_cast<const Question*>(nullptr));
  json ours = schema_of<TextItem>(static_cast<const TextItem*>(nullptr));
  return json{
      {"anyOf", json::array({schema_of(static_cast<const std::string*>(nullptr)), ours, object})}};
}

/// A text list's item: a text, or a mapping {text, internal}.
json schema_of(const std::vector<std::string>*) {
  json item{{"anyOf", json::array({schema_of(static_cast<const std::string*>(nullptr)),
                                   schema_of<TextItem>(static_cast<const TextItem*>(nullptr))})}};
  return json{{"type", "array"}, {"items", item}};
}

}  // namespace

json project_schema() {
  json schema = schema_of(static_cast<const Project*>(nullptr));
  json out{{"$schema", "https://json-schema.org/draft/2020-12/schema"},
           {"title", "commplan project file"},
           {"description", "An on-site engagement: people, scope, phases, findings and log."}};
  out.update(schema);
  // The one version this commplan reads: an editor warns of another, as validate refuses it.
  json& version = out["properties"]["commplan"];
  version = json{{"const", kFileFormat}, {"description", version["description"]}};
  return out;
}

json log_file_schema() {
  json schema = schema_of(static_cast<const LogFile*>(nullptr));
  json out{{"$schema", "https://json-schema.org/draft/2020-12/schema"},
           {"title", "commplan log file"},
           {"description", "A file of a project's log_dir: log, findings, changes, minutes."}};
  out.update(schema);
  return out;
}

}  // namespace commplan
