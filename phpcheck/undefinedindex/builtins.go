package undefinedindex

import "strings"

// builtin is what the check knows of a builtin function whose array result
// (or by-reference output) lacks keys that callers commonly read.
type builtin struct {
	// result is the array's type, written as PHPStan writes array shapes
	// (array{k: T, opt?: T}, non-empty-list<T>); "" for the functions
	// whose output depends on a pattern (preg_match, preg_match_all),
	// handled in regex.go.
	result string
	// maxArgs is the most arguments a call may have for result to hold
	// (a component argument makes parse_url return a string, a flags
	// argument makes preg_split drop empty pieces).
	maxArgs int
	// builtURL reports that the result is not followed when the first
	// argument is a call or a constant: parse_url(home_url()) parses a
	// URL the application builds from its configuration, which has its
	// host and scheme.
	builtURL bool
	// strict reports that the result is followed only with
	// -undefinedindex.strict (see doc.go's settings).
	strict bool
	// limit is the 1-based position of a limit argument that, when
	// given, must be a positive integer literal for result to hold
	// (explode's negative limit can return an empty array).
	limit int
	// out is the 1-based position of the by-reference parameter that
	// receives the array, or 0 when the array is the result.
	out int
	// why says when keys are missing; a message puts it after
	// "NAME() at line N".
	why string
}

// builtins are the builtin functions whose arrays have keys that may be
// absent. Each entry has a php-cli-proven fixture in testdata/builtins.php.
// A general array type (array<K, V>, list<T>) would say nothing a read
// could be checked against, so every entry names at least one key that is
// sure or one that may be missing.
var builtins = map[string]builtin{
	"explode": {result: "non-empty-list<string>", maxArgs: 3, limit: 3, strict: true,
		why: "returns one element when the delimiter does not occur"},
	"preg_split": {result: "non-empty-list<string>", maxArgs: 3, strict: true,
		why: "returns one element when the pattern does not match"},
	"str_getcsv": {result: "non-empty-list<string|null>", maxArgs: 4, strict: true,
		why: "returns one field when the line has no separator"},
	"parse_url": {result: "array{scheme?: string, host?: string, port?: int, user?: string, pass?: string, path?: string, query?: string, fragment?: string}", maxArgs: 1,
		builtURL: true, strict: true, why: "returns only the components the URL has"},
	// dirname is missing only for an empty path, which callers rule
	// out before asking for its parts: it is taken as always set.
	"pathinfo": {result: "array{dirname: string, basename: string, extension?: string, filename: string}", maxArgs: 1,
		why: "returns no extension for a name without a dot"},
	"getimagesize": {result: "array{0: int, 1: int, 2: int, 3: string, mime: string, channels?: int, bits?: int}", maxArgs: 2,
		why: "returns channels only for JPEG and GIF images, and bits not for every format"},
	"parse_str": {result: "array<string, mixed>", maxArgs: 2, out: 2,
		why: "sets only the fields the query string has"},
	"preg_match":     {maxArgs: 5, out: 3, strict: true, why: "sets a group only when the pattern matches and the group takes part in the match"},
	"preg_match_all": {maxArgs: 5, out: 3, strict: true, why: "sets no match when the pattern does not match"},
}

// serverRequest reports whether a key of $_SERVER is set only when the
// request carries it: the HTTP_* request headers, the fields of
// authentication, HTTPS and PATH_INFO. HTTP_HOST is left
// out: HTTP/1.1 requires every request to send Host, and web servers
// reject requests without it, so reporting its reads would be noise on
// every web application; a hand-made HTTP/1.0 request without it is the
// false negative this buys. QUERY_STRING, CONTENT_TYPE and CONTENT_LENGTH
// are left out too: the common FastCGI setups always set them, if empty.
func serverRequest(k key) bool {
	s, ok := strings.CutPrefix(string(k), "s:")
	if !ok {
		return false
	}
	if h, ok := strings.CutPrefix(s, "HTTP_"); ok {
		return h != "HOST" && h != ""
	}
	switch s {
	case "HTTPS", "PATH_INFO", "ORIG_PATH_INFO", "PHP_AUTH_USER", "PHP_AUTH_PW", "PHP_AUTH_DIGEST",
		"AUTH_TYPE", "REMOTE_USER":
		return true
	}
	return false
}
