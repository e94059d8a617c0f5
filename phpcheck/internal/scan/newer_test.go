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
		var got []string
		for _, tk := range scan.Scan(src)[1:] {
			if !tk.Kind.Trivia() {
				got = append(got, tk.Kind.String()+":"+string(src[tk.Pos:tk.End]))
			}
		}
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("%s\ngot  %s\nwant %s", c.src, g, c.want)
		}
	}
}
