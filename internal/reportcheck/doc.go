// Package reportcheck checks the reports riskvet writes against the rules of
// the tools that import them: SonarQube's generic issue import, GitHub
// code scanning's SARIF 2.1.0, GitLab's Code Quality report and Checkstyle
// XML. The tests of every writer run it, so that a
// clone of the repository with nothing beside it still proves that its
// reports would be accepted; the independent validators kept outside the
// repository (../shared/sonar) run in addition where they exist.
//
// The checks are written from what the importers do, not from what the
// writers do, and share no code with them: a column converted wrongly by
// internal/position must fail here, so this package counts lines and UTF-16
// units on its own.
//
// # SonarQube generic issue import
//
// [Sonar] models the scanner's ExternalIssueReportValidator and
// ExternalIssueImporter (sonar-scanner-engine, 2025) and, where the first
// release of the format (10.3) was stricter, the stricter rule, so that a
// report passing here imports on both:
//
//   - the report is one JSON object; "issues" is required; with "rules" it is
//     the 10.3 format, without it the deprecated one (accepted);
//   - a rule has a unique non-blank id, a non-blank name and engineId (no ':'
//     in engineId, which would split the rule key), a description, a
//     cleanCodeAttribute and a non-empty impacts list whose qualities are
//     MAINTAINABILITY, RELIABILITY or SECURITY and whose severities are LOW,
//     MEDIUM or HIGH (INFO and BLOCKER need plugin API 10.11); type and
//     severity come together or not at all, and a SECURITY_HOTSPOT has no
//     impacts; key and name lengths fit the server's columns (200, 255);
//   - an issue of the 10.3 format names a declared ruleId and carries no
//     severity or type; a deprecated issue has engineId, ruleId, a severity of
//     INFO..BLOCKER and a type of BUG, VULNERABILITY or CODE_SMELL;
//     effortMinutes is a non-negative 32-bit integer;
//   - every location has a filePath; the primary one a message without U+0000
//     and at most 1333 UTF-16 units (longer ones are cut by the server);
//     a secondary one a textRange; a textRange a startLine;
//   - with [Options.BaseDir], the file exists under it (the scanner silently
//     skips an issue on a file it did not index, so this is an error unless
//     [Options.AllowMissingFiles]), and the range fits the file as the scanner
//     counts it: BOM removed, lines ended by "\r\n", "\r" or "\n", columns
//     0-based UTF-16 units, no startColumn on an empty line, a column at most
//     the line's length, the start strictly before the end (a missing endLine
//     is the startLine, a missing endColumn the end of that line).
//
// Any of these but the missing file fails the whole SonarQube analysis.
//
// # SARIF for GitHub code scanning
//
// [SARIF] checks the SARIF 2.1.0 schema's required fields and what GitHub's
// upload documents as required or limited: $schema, version 2.1.0, 1 to 20
// runs, a driver name and rules list, unique rule ids with short and full
// descriptions of at most 1024 characters and a help text, results with a
// message, a declared ruleId matching its ruleIndex, a known level, a
// primaryLocationLineHash, 1 to 1000 locations with a URI reference (no
// backslash) whose uriBaseId is declared, regions with 1-based lines and
// columns that do not end before they start, and a columnKind when there are
// results. An invocation must say whether it succeeded, and its notifications
// need a message. With [Options.BaseDir], relative URIs name existing files
// and regions fit them, lines ended by the run's newlineSequences (default
// "\r\n" and "\n") and columns counted in its columnKind.
package reportcheck
