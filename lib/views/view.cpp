#include "views/view.hpp"

#include <fmt/format.h>

#include <unordered_map>

#include "util/text.hpp"
#include "views/plan_text.hpp"

namespace commplan {

namespace {

/// What the page calls each kind of meeting (meetings.<kind>.name, else the method's name).
nlohmann::json meeting_names(const Project& project, Lang lang) {
  nlohmann::json names = nlohmann::json::object();
  for (TouchpointKind kind : {TouchpointKind::kickoff, TouchpointKind::daily, TouchpointKind::phase,
                              TouchpointKind::final})
    names[std::string(to_string(kind))] = {
        {"name", plan_text::meeting_name(project, kind, lang)},
        {"in_text", plan_text::meeting_name_in_text(project, kind, lang)}};
  return names;
}

}  // namespace

nlohmann::json audience_json(Audience audience) {
  bool client = audience == Audience::client;
  return {{"name", to_string(audience)}, {"team", !client}, {"client", client}};
}

nlohmann::json view_header(std::string_view command, const Project& project,
                           const ViewOptions& options) {
  const ProjectInfo& p = project.project;
  nlohmann::json project_json = {{"name", p.name},
                                 {"client", p.client},
                                 {"summary", p.summary},
                                 {"start", format_date(p.start)},
                                 {"end", format_date(p.end)},
                                 {"timezone", p.timezone},
                                 {"classification", p.classification}};
  return nlohmann::json{{"kind", fmt::format("commplan/{}", command)},
                        {"version", kViewVersion},
                        {"lang", to_string(options.lang)},
                        {"date", format_date(options.today)},
                        {"project", std::move(project_json)},
                        {"meeting_names", meeting_names(project, options.lang)},
                        {"audience", audience_json(options.audience)}};
}

std::optional<View> unless_new_errors(View view, const Diagnostics& diagnostics,
                                      size_t errors_before) {
  if (diagnostics.error_count() > errors_before) return std::nullopt;
  return view;
}

void unknown_id(Diagnostics& diagnostics, std::string option, std::string_view kind,
                std::string_view id, const std::vector<std::string>& ids) {
  std::string message = fmt::format("no {} has the id \"{}\"", kind, id);
  if (ids.empty())
    message += fmt::format("; the project has no {}s", kind);
  else if (std::string close = closest_name(id, ids); !close.empty())
    message += fmt::format("; did you mean \"{}\"?", close);
  else
    message += fmt::format("; the {}s are {}", kind, join(ids, ", "));
  diagnostics.error(Source::option, std::move(option), std::move(message));
}

void leave_out(nlohmann::json& data, std::initializer_list<std::string_view> keys) {
  if (data.is_array()) {
    for (auto& item : data) leave_out(item, keys);
  } else if (data.is_object()) {
    for (std::string_view key : keys) data.erase(std::string(key));
    for (auto& [key, value] : data.items()) leave_out(value, keys);
  }
}

void warn(Diagnostics& diagnostics, const Origin& origin, std::string_view field,
          std::string message) {
  diagnostics.add(origin.problem(Level::warning, field, std::move(message)));
}

}  // namespace commplan

namespace commplan {

void View::add_list(std::string at, size_t size,
                    std::function<void(size_t, nlohmann::json&)> fill) {
  data[nlohmann::json::json_pointer(at)] = nlohmann::json::array();
  lists.push_back({std::move(at), size, std::move(fill)});
}

std::vector<tmpl::LazyList> View::lazy_lists() const {
  std::vector<tmpl::LazyList> out;
  out.reserve(lists.size());
  for (const List& list : lists)
    out.push_back({&data.at(nlohmann::json::json_pointer(list.at)), list.size, list.fill});
  return out;
}

nlohmann::json View::whole() const {
  nlohmann::json out = data;
  for (const List& list : lists) {
    nlohmann::json items = nlohmann::json::array();
    for (size_t i = 0; i < list.size; ++i) list.fill(i, items.emplace_back());
    out[nlohmann::json::json_pointer(list.at)] = std::move(items);
  }
  return out;
}

namespace {

using nlohmann::json;

/// Writes JSON as nlohmann's dump(2) does (same bytes), making lazy lists as it reaches them.
class JsonWriter {
 public:
  JsonWriter(std::string& out, const std::vector<tmpl::LazyList>& lists,
             const std::function<void(std::string&)>* drain = nullptr, size_t drain_at = 0)
      : out_(out), drain_(drain), drain_at_(drain_at) {
    for (const tmpl::LazyList& list : lists) lists_.emplace(list.placeholder, &list);
  }

  void value(const json& v, size_t indent) {
    switch (v.type()) {
      case json::value_t::string:
        return string(v.get_ref<const std::string&>());
      case json::value_t::object:
        return object(v, indent);
      case json::value_t::array:
        if (auto it = lists_.find(&v); it != lists_.end()) return lazy(*it->second, indent);
        return array(v, indent);
      default:
        out_ += v.dump();
    }
  }

  /// `"key": value` at `indent`.
  void member(const std::string& key, const json& v, size_t indent) {
    out_.append(indent, ' ');
    string(key);
    out_ += ": ";
    value(v, indent);
  }

 private:
  void object(const json& v, size_t indent) {
    if (v.empty()) {
      out_ += "{}";
      return;
    }
    out_ += "{\n";
    size_t left = v.size();
    for (auto it = v.begin(); it != v.end(); ++it) {
      member(it.key(), *it, indent + 2);
      out_ += --left > 0 ? ",\n" : "\n";
    }
    close(indent, '}');
  }

  void array(const json& v, size_t indent) {
    if (v.empty()) {
      out_ += "[]";
      return;
    }
    out_ += "[\n";
    for (size_t i = 0; i < v.size(); ++i) {
      item(v[i], indent, i + 1 == v.size());
    }
    close(indent, ']');
  }

  void lazy(const tmpl::LazyList& list, size_t indent) {
    if (list.size == 0) {
      out_ += "[]";
      return;
    }
    out_ += "[\n";
    json scratch;
    for (size_t i = 0; i < list.size; ++i) {
      list.fill(i, scratch);
      item(scratch, indent, i + 1 == list.size);
    }
    close(indent, ']');
  }

  void item(const json& v, size_t indent, bool last) {
    out_.append(indent + 2, ' ');
    value(v, indent + 2);
    out_ += last ? "\n" : ",\n";
    if (drain_ != nullptr && out_.size() >= drain_at_) (*drain_)(out_);
  }

  void close(size_t indent, char bracket) {
    out_.append(indent, ' ');
    out_ += bracket;
  }

  /// A JSON string as nlohmann writes it: UTF-8 as it is, control characters escaped. (Through
  /// json(s).dump(), a 10,000-finding final recap printed as JSON takes 174 ms instead of 119.)
  void string(std::string_view s) {
    out_ += '"';
    size_t plain = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out_.append(s.substr(plain, i - plain));
      plain = i + 1;
      switch (c) {
        case '"':
          out_ += "\\\"";
          break;
        case '\\':
          out_ += "\\\\";
          break;
        case '\b':
          out_ += "\\b";
          break;
        case '\f':
          out_ += "\\f";
          break;
        case '\n':
          out_ += "\\n";
          break;
        case '\r':
          out_ += "\\r";
          break;
        case '\t':
          out_ += "\\t";
          break;
        default:
          out_ += fmt::format("\\u{:04x}", c);
      }
    }
    out_.append(s.substr(plain));
    out_ += '"';
  }

  std::string& out_;
  const std::function<void(std::string&)>* drain_;  // takes out_ past drain_at_ bytes
  size_t drain_at_;
  std::unordered_map<const json*, const tmpl::LazyList*> lists_;
};

}  // namespace

std::string View::dump() const {
  std::string out;
  dump(out, {}, 0);
  return out;
}

void View::dump(std::string& out, const std::function<void(std::string&)>& drain,
                size_t drain_at) const {
  std::vector<tmpl::LazyList> lazy = lazy_lists();
  JsonWriter writer(out, lazy, drain ? &drain : nullptr, drain_at);
  if (data.empty() || !data.is_object()) {
    writer.value(data, 0);
    out += "\n";
    return;
  }
  // Kind and version first, then the other members in their (alphabetical) order.
  out += "{\n";
  size_t left = data.size();
  auto put = [&](const std::string& key, const json& v) {
    writer.member(key, v, 2);
    out += --left > 0 ? ",\n" : "\n";
  };
  for (const char* key : {"kind", "version"})
    if (auto it = data.find(key); it != data.end()) put(it.key(), *it);
  for (auto it = data.begin(); it != data.end(); ++it)
    if (it.key() != "kind" && it.key() != "version") put(it.key(), *it);
  out += "}\n";
}

}  // namespace commplan
