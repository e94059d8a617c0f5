package scan_test

import (
	"strings"
	"testing"

	"github.com/riskvet/riskvet/phpcheck/internal/scan"
)

// TestNewerSyntax holds the expected tokens of PHP 8.3 and 8.4 syntax (the
// constructs of phpcheck/nullderef/testdata/php83.php and php84.php), which
// php-cli 8.2 cannot confirm: the kinds of the tokens that are not
// whitespace or comments, each with its text.
func TestNewerSyntax(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		// PHP 8.3
		{"const string X = 'a';", "T_CONST:const T_STRING:string T_STRING:X =:= T_CONSTANT_ENCAPSED_STRING:'a' ;:;"},
		{"const ?int L = null;", "T_CONST:const ?:? T_STRING:int T_STRING:L =:= T_STRING:null ;:;"},
		{"echo A::{$n};", "T_ECHO:echo T_STRING:A T_DOUBLE_COLON::: {:{ T_VARIABLE:$n }:} ;:;"},
		{"new readonly class {};", "T_NEW:new T_READONLY:readonly T_CLASS:class {:{ }:} ;:;"},
		// PHP 8.4
		{"public private(set) ?A $p;", "T_PUBLIC:public T_PRIVATE_SET:private(set) ?:? T_STRING:A T_VARIABLE:$p ;:;"},
		{"protected(set) string $o;", "T_PROTECTED_SET:protected(set) T_STRING:string T_VARIABLE:$o ;:;"},
		{"PUBLIC(SET) int $o;", "T_PUBLIC_SET:PUBLIC(SET) T_STRING:int T_VARIABLE:$o ;:;"},
		{"public string $l { get => __PROPERTY__; set(string $value) { $this->r = $value; } }",
			"T_PUBLIC:public T_STRING:string T_VARIABLE:$l {:{ T_STRING:get T_DOUBLE_ARROW:=> T_PROPERTY_C:__PROPERTY__ ;:; " +
				"T_STRING:set (:( T_STRING:string T_VARIABLE:$value ):) {:{ T_VARIABLE:$this T_OBJECT_OPERATOR:-> T_STRING:r =:= T_VARIABLE:$value ;:; }:} }:}"},
		{"new A()->b;", "T_NEW:new T_STRING:A (:( ):) T_OBJECT_OPERATOR:-> T_STRING:b ;:;"},
		{"$f = exit(...);", "T_VARIABLE:$f =:= T_EXIT:exit (:( T_ELLIPSIS:... ):) ;:;"},
	} {
		src := []byte("<?php " + c.src)
		if g := tokens(src[6:], scan.Scan(src)[1:], false); g != c.want {
			t.Errorf("%s\ngot  %s\nwant %s", c.src, g, c.want)
		}
	}
}

// tokens prints toks as kind:text, leaving out whitespace and comments
// unless all; src is the text the first token starts.
func tokens(src []byte, toks []scan.Token, all bool) string {
	base := toks[0].Pos
	var got []string
	for _, tk := range toks {
		if all || !tk.Kind.Trivia() {
			got = append(got, tk.Kind.String()+":"+string(src[tk.Pos-base:tk.End-base]))
		}
	}
	return strings.Join(got, " ")
}

// TestTokens holds the expected tokens of the lexer's harder states, which
// FuzzScan and the corpus tests compare with php-cli where it is installed.
func TestTokens(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"a<?php /** d */ $x?>b\n<?= 1;", "T_INLINE_HTML:a T_OPEN_TAG:<?php  T_DOC_COMMENT:/** d */ T_WHITESPACE:  T_VARIABLE:$x T_CLOSE_TAG:?> T_INLINE_HTML:b\n T_OPEN_TAG_WITH_ECHO:<?= T_WHITESPACE:  T_LNUMBER:1 ;:;"},
		{"<?xml version=\"1.0\"?>\n<a/>", "T_INLINE_HTML:<?xml version=\"1.0\"?>\n<a/>"},
		{"<?php \"a$b[0]{$c->d}\";", "T_OPEN_TAG:<?php  \":\" T_ENCAPSED_AND_WHITESPACE:a T_VARIABLE:$b [:[ T_NUM_STRING:0 ]:] T_CURLY_OPEN:{ T_VARIABLE:$c T_OBJECT_OPERATOR:-> T_STRING:d }:} \":\" ;:;"},
		{"<?php <<<EOT\n  x $y\n  EOT;", "T_OPEN_TAG:<?php  T_START_HEREDOC:<<<EOT\n T_ENCAPSED_AND_WHITESPACE:  x  T_VARIABLE:$y T_ENCAPSED_AND_WHITESPACE:\n T_END_HEREDOC:  EOT ;:;"},
		{"<?php <<<'N'\n$x\nN;", "T_OPEN_TAG:<?php  T_START_HEREDOC:<<<'N'\n T_ENCAPSED_AND_WHITESPACE:$x\n T_END_HEREDOC:N ;:;"},
		{"<?php (int)$a; ( string )$b; // c\n", "T_OPEN_TAG:<?php  T_INT_CAST:(int) T_VARIABLE:$a ;:; T_WHITESPACE:  T_STRING_CAST:( string ) T_VARIABLE:$b ;:; T_WHITESPACE:  T_COMMENT:// c T_WHITESPACE:\n"},
		{"<?php __halt_compiler(); <?php $x", "T_OPEN_TAG:<?php  T_HALT_COMPILER:__halt_compiler (:( ):) ;:; T_INLINE_HTML: <?php $x"},
	} {
		src := []byte(c.src)
		if g := tokens(src, scan.Scan(src), true); g != c.want {
			t.Errorf("%q\ngot  %s\nwant %s", c.src, g, c.want)
		}
	}
}
