// The hand-written parts of commplan(1). The synopsis, global options and commands are
// generated from the CLI definitions (man.cpp); what is here has no such source.

#include "man.hpp"

namespace commplan::cli {

std::string_view man_description() {
  return R"roff(commplan turns one YAML or JSON project file, kept by the engineers who deliver
an engagement on a client's site, into the briefs that carry its communication: the
kick-off agenda, the daily, phase and final recaps, the whole communication plan (with
an iCalendar file and a timeline chart) and 5W2H checklists for single conversations,
in Markdown, HTML, chat text, a draft e\-mail or JSON, English or Chinese.
Each brief is written for our team (\fB\-\-audience team\fR, the default: the talk\-sheet
we run the meeting from; a draft e\-mail, \fB\-\-format eml\fR, is the client's unless
\fB\-\-audience team\fR is given) or for the client (\fB\-\-audience client\fR: no coaching text, nothing
the file marks \fBinternal\fR, no notes, impacts shown, the classification label, card
numbers, IBANs, private keys and access tokens masked: \fB\-\-no\-mask\fR shows them,
\fBvalidate\fR warns about each).
.PP
The method has three stages.
\fBKick-off\fR confirms scope and expectations with the client, names the contacts and
agrees a daily recap.
\fBExecution\fR finds the risks on site and learns how the client works.
\fBClosing\fR recaps at three levels: \fBdaily\fR (5\(en10 minutes), \fBphase\fR
(20\(en30 minutes) and \fBfinal\fR (30\(en60 minutes, never more than 120).
\fB5W2H\fR (why, what, who, when, where, how, how much) frames any single conversation.
.PP
Output is deterministic: the same inputs and \fB\-\-date\fR give byte\-identical output,
so CI can commit and diff recaps.
\fB\-\-format json\fR prints the view model, exactly the data the Markdown template is
given, which \fBcommplan render\fR accepts.
Options on the command line beat environment variables, which beat the project file.
The global options may stand before or after the command
(\fBcommplan validate \-\-error\-format github\fR \fIPROJECT\fR); a mistyped command or
option names the closest one (\fBunknown command "recpa"; did you mean "recap"?\fR).
A \fIPROJECT\fR of \fB\-\fR is read from standard input; its format is chosen by the
extension (\fI.yaml\fR, \fI.yml\fR, \fI.json\fR), else by its content.
.PP
Every command writes its result the same way: to standard output without \fB\-o\fR or with
\fB\-o \-\fR; with \fB\-o\fR \fIFILE\fR to a temporary file beside \fIFILE\fR, renamed
into place, so a failed run leaves \fIFILE\fR as it was; a file replaced keeps its mode,
and its owner and group where the user may give them (root always).
A symbolic link is followed, even one whose target does not exist yet, and stays a link;
a device or a pipe is written to directly.
A file the user may not write, a missing folder or a folder is an I/O error (exit 3);
an \fB\-o\fR that names one of the command's inputs (the project, a file of its
\fBlog_dir\fR, the template, the data) is a usage error (exit 2).
A failed write to standard output (a full disk, a closed descriptor, a pipe whose reader
has gone while SIGPIPE is ignored) is reported as
\fBcannot write standard output\fR with exit status 3; with SIGPIPE at its default, a
closed pipe ends the run by the signal, as it ends any filter.
A project or data file of a MiB or more is mapped, not read: cut short by another program
while commplan reads it, it is reported as \fBthe file changed while it was read\fR with exit
status 3.
.PP
Every page reads its meetings from the one schedule that \fBcommplan plan\fR makes: a
recap's day, time, length and place are those of its touchpoint in
\fBplan \-\-format json\fR.
Workdays are \fBworkdays\fR plus \fBextra_workdays\fR minus \fBholidays\fR; a phase
ending on a day off is recapped on its last workday.
On a day with a phase or final recap there is no separate daily recap: the bigger
recap's page carries the day's findings, log and plan for the next workday in a section
of its own, and \fBrecap \-\-level daily\fR on that day prints that section with the
bigger meeting's time.
Without \fB\-\-phase\fR, \fBrecap \-\-level phase\fR recaps the phase the plan recaps on
\fB\-\-date\fR, else the latest one before it, else the first one (a page to prepare it).
)roff";
}

std::string_view man_reference_sections() {
  return R"roff(.SH DIAGNOSTICS
Every problem of a file is reported at once, in source order, compiler style:
.PP
.RS
.nf
project.yaml:12:7: error: findings[3].severity: unknown value "urgent"
     severity: urgent
               ^
.fi
.RE
.PP
Unknown fields are warnings that name the closest known field; \fB\-\-strict\fR turns
warnings into exit status 4.
A YAML merge key (\fB<<: *base\fR), which YAML 1.2 does not have, is an error: the fields
it names are not read.
The recording commands refuse a text that is empty or only white space (\fB\-\-done ''\fR,
an \fB\-\-evidence @\fR\fIFILE\fR of nothing) with exit status 2, and one that has to
wait for another record into the same project says so on standard error.
A \fBnote:\fR tells what a reader should know about the page made, not a problem of the
file (a recap that prepares a meeting still to come, a daily recap held inside a phase
or final recap); a note never changes the exit status, and \fBvalidate\fR leaves notes
out.
When standard error is a terminal, \fBerror:\fR is bold red, \fBwarning:\fR bold
magenta, \fBnote:\fR bold cyan and the location bold; \fB\-\-color never\fR or \fBNO_COLOR\fR turns colour off,
\fB\-\-color always\fR turns it on.
With \fB\-\-error\-format github\fR, or when \fBGITHUB_ACTIONS\fR is \fBtrue\fR, each
problem is a GitHub Actions workflow command (\fB::error\fR, \fB::warning\fR, or
\fB::notice\fR for a note) that annotates the pull request:
.PP
.RS
.nf
::error file=project.yaml,line=12,col=7::findings[3].severity: unknown value "urgent"
.fi
.RE
.PP
LINE and COLUMN, and the source line quoted under the message, are those an editor shows,
in YAML and JSON alike: a line ends at LF, CRLF or a lone CR, and a column counts
characters, not bytes.
The source line is cut to about 100 columns around the caret, with \[u2026] where it was
cut.
Of the problems of one kind in one file (the same level, the same path without its
indices, the same message without its quoted texts and numbers) the first 20 are shown,
then one line counts the rest; \fB\-\-all\-diagnostics\fR shows them all.
The exit status counts every problem.
.SH ENVIRONMENT
.TP
.B COMMPLAN_LANG
Default language, \fBen\fR or \fBzh\fR, when \fB\-\-lang\fR is not given; it beats the
file's \fBlang\fR.
.TP
.B COMMPLAN_TEMPLATES_DIR
Default \fB\-\-templates\-dir\fR: templates there override the built\-in ones by name.
.TP
.B COMMPLAN_USER
Who records, for \fBfinding add\fR, \fBfinding set\fR, \fBlog add\fR and
\fBfindings import\fR without
\fB\-\-by\fR; without it, git's \fBuser.name\fR in the project file's folder, else the
first member of \fBteam\fR.
.TP
.B SOURCE_DATE_EPOCH
Seconds since 1970\-01\-01 UTC: the day "today" means when \fB\-\-date\fR is not given,
for reproducible output.
A value outside the years 0001 to 9999 is a usage error.
.TP
.B TMPDIR
Where a page over 32 KiB is spooled while it is rendered, in an unnamed file (default
\fI/tmp\fR); where none can be made, the page is held in memory.
.TP
.B TZDIR
The folder of time zone files, as for the C library (default \fI/usr/share/zoneinfo\fR):
where \fBproject.timezone\fR is looked up.
.TP
.B NO_COLOR
When set, to any value, diagnostics are never coloured unless \fB\-\-color always\fR
is given.
.TP
.B GITHUB_ACTIONS
When \fBtrue\fR (as GitHub Actions sets it), diagnostics default to
\fB\-\-error\-format github\fR.
.SH EXIT STATUS
.TP
.B 0
Success, also a day that \fBrecap \-\-skip\-off\-days\fR skips.
.TP
.B 1
Invalid input: the project file, the data or a template.
.TP
.B 2
Usage error: an unknown command or option, a bad option value, or one that asks for what
the project file does not have (a \fB\-\-date\fR outside the engagement, an unknown
\fB\-\-phase\fR or \fB\-\-topic\fR).
.TP
.B 3
I/O error: a file cannot be read or written, or standard output cannot be written.
.TP
.B 4
A check failed: warnings under \fB\-\-strict\fR, an incomplete 5W2H checklist, a missing
template variable under \fBrender \-\-strict\fR, or a stale file under \fB\-\-check\fR.
.SH FILES
.SS The project file
YAML 1.2 or JSON, one schema; \fBcommplan schema\fR prints it as JSON Schema and
\fBcommplan init\fR writes a commented starter.
Dates are \fIYYYY\-MM\-DD\fR, times \fIHH:MM\fR, durations minutes.
A value the schema types as text keeps its text exactly as written.
.TP
.B commplan
Required: the format version, \fB1\fR.
.TP
.B lang
\fBen\fR or \fBzh\fR: the language of the built\-in templates.
.TP
.B project
Required: \fBname\fR, \fBclient\fR, \fBstart\fR, \fBend\fR; also \fBsummary\fR,
\fBtimezone\fR (an IANA name), \fBworkdays\fR (\fBmon\fR..\fBsun\fR), \fBholidays\fR,
\fBextra_workdays\fR (rest days worked in lieu).
.TP
.BR team ", " client_team
Our people (\fBname\fR, \fBrole\fR, \fBresponsibilities\fR, \fBemail\fR (a bare
address, \fIlocal@domain\fR), \fBphone\fR)
and the client's (\fBcontact: true\fR marks the contact person).
.TP
.BR scope ", " expectations ", " special_requirements ", " cooperation
Lists of text: the needs we are here for, the client's goals, what we need from them.
.TP
.BR method ", " standards ", " phases
How we work (\fBsummary\fR, \fBsteps\fR); what we assess against (\fBid\fR,
\fBtitle\fR); the execution plan (\fBid\fR, \fBname\fR, \fBstart\fR, \fBend\fR,
\fBactivities\fR, \fBowner\fR).
.TP
.B meetings
\fBkickoff\fR, \fBdaily_recap\fR, \fBphase_recap\fR, \fBfinal_recap\fR, each with
\fBname\fR (what every page and the calendar call it), \fBdate\fR, \fBtime\fR,
\fBduration\fR, \fBlocation\fR, \fBattendees\fR.
.TP
.BR questions ", " escalation
Extra interview questions; who is told when something goes wrong (\fBlevel\fR,
\fBwho\fR, \fBwithin\fR hours).
.TP
.B findings
\fBid\fR and \fBtitle\fR required; \fBfound\fR, \fBphase\fR, \fBseverity\fR
(critical, high, medium, low, info), \fBstandard\fR (a standard's \fBid\fR, or the id
and a clause of it), \fBevidence\fR, \fBimpact\fR,
\fBrecommendation\fR, \fBowner\fR, \fBstatus\fR (open, agreed, in\-progress, resolved,
wont\-fix), \fBclient_feedback\fR, \fBhistory\fR (dated changes, oldest first: \fBdate\fR
required; \fBstatus\fR, \fBseverity\fR, \fBnote\fR, \fBby\fR, \fBnotified\fR with \fBto\fR
and \fBvia\fR). With a history the finding is open from its \fBfound\fR date until an
entry says otherwise, and a top\-level \fBstatus\fR, which may then be left out, must
equal the last one the history gives.
Severity, status and \fBworkdays\fR also take the Chinese words listed by
\fBcommplan init \-\-lang zh\fR and by the schema; they are read as the values above.
.TP
.BR log ", " log_dir
One entry a day per author \fBby\fR (\fBdate\fR required; \fBdone\fR, \fBsupport_needed\fR, \fBnext\fR,
\fBquestions\fR, each a text, a question for the client, or a mapping of \fBquestion\fR, \fBanswer\fR,
\fBanswer_by\fR, the date an answer is promised, and \fBanswered\fR, the date it was given: a
question the client asked, owed until answered); the entries of one day by several authors
are merged in the recaps, each item naming its author. Every \fI*.yaml\fR, \fI*.yml\fR and \fI*.json\fR in \fBlog_dir\fR
and its sub\-folders (a folder per person; hidden folders aside) adds more log entries and findings.
.TP
.B communications
5W2H briefs: \fBid\fR required; \fBtitle\fR, \fBwhy\fR, \fBwhat\fR, \fBwho\fR,
\fBwhen\fR, \fBwhere\fR, \fBhow\fR, \fBhow_much\fR.
.PP
A first line \fB# yaml\-language\-server: $schema=commplan.schema.json\fR (written by
\fBcommplan init\fR) gives completion and checking in editors that use the YAML
language server, with \fBcommplan schema \-o commplan.schema.json\fR beside the file.
.SS Installed files
.TP
.I /usr/share/commplan/commplan.schema.json
The JSON Schema of the project file.
.TP
.I /usr/share/bash\-completion/completions/commplan
.TQ
.I /usr/share/zsh/vendor\-completions/_commplan
.TQ
.I /usr/share/fish/vendor_completions.d/commplan.fish
Shell completion, as printed by \fBcommplan completion\fR \fIshell\fR.
Communication ids for \fB\-\-topic\fR and phase ids for \fB\-\-phase\fR are read from
the project file on the command line.
.SH EXAMPLES
Start a project and check it:
.PP
.RS
.nf
commplan init \-o project.yaml
commplan validate \-\-strict project.yaml
.fi
.RE
.PP
The kick\-off agenda, the daily recap of a day, and the calendar of every touchpoint:
.PP
.RS
.nf
commplan kickoff project.yaml \-o kickoff.md
commplan recap project.yaml \-\-level daily \-\-date 2026\-12\-10
commplan plan project.yaml \-\-format ics \-o plan.ics
.fi
.RE
.PP
In CI, fail when a committed brief is stale, and annotate the pull request:
.PP
.RS
.nf
commplan \-\-error\-format github validate \-\-strict project.yaml
commplan kickoff project.yaml \-\-check briefs/kickoff.md
.fi
.RE
.PP
A scheduled daily job that renders the recap on workdays of the engagement only (on other
days it says why on stderr, writes nothing and exits 0), and a pre\-commit check of a log
file through its project:
.PP
.RS
.nf
commplan recap project.yaml \-\-level daily \-\-date today \-\-skip\-off\-days \-o recap.md
commplan validate \-\-strict \-\-project project.yaml logs/2026\-12\-10.yaml
.fi
.RE
.PP
Mail the daily recap (a draft with \fBX\-Unsent: 1\fR; \fBsendmail \-t\fR sends it as it is,
to the recipients of its To and Cc; a local sendmail reads lines ended by LF):
.PP
.RS
.nf
commplan recap project.yaml \-\-level daily \-\-date today \-\-format eml \-o recap.eml
tr \-d '\er' < recap.eml | sendmail \-t
.fi
.RE
.PP
Render your own template on the view model:
.PP
.RS
.nf
commplan kickoff project.yaml \-\-format json | commplan render my.mustache \-\-data \-
.fi
.RE
.PP
Enable completion in the current bash:
.PP
.RS
.nf
source <(commplan completion bash)
.fi
.RE
.SH SEE ALSO
The README of the commplan source, and its \fIexamples/ci/\fR for GitHub Actions,
GitLab CI and pre\-commit.
)roff";
}

}  // namespace commplan::cli
