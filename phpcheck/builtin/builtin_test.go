package builtin

import (
	"os/exec"
	"strings"
	"testing"
)

// TestCurrent checks that signatures.txt is what gen.php prints now, when
// a PHP 8.2 with the listed extensions is installed.
func TestCurrent(t *testing.T) {
	php, err := exec.LookPath("php")
	if err != nil {
		t.Skip("php not found in PATH: cannot regenerate signatures.txt")
	}
	cmd := exec.Command(php, "gen.php")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Skipf("gen.php cannot run here (%v): %s", err, stderr.String())
	}
	if string(out) != signatures {
		t.Fatal("signatures.txt is stale: run go generate ./phpcheck/builtin")
	}
}

func TestFunction(t *testing.T) {
	f := Function("StrLen")
	if f == nil || !f.Builtin || len(f.Params) != 1 {
		t.Fatalf("strlen: %+v", f)
	}
	if p := f.Params[0]; p.Name != "$string" || p.Type.Text != "string" || !p.Type.NonNull || p.Type.Nullable {
		t.Errorf("strlen's parameter: %+v", p)
	}
	if Function("no_such_function") != nil {
		t.Error("no_such_function found")
	}
	sprintf := Function("sprintf")
	if p := sprintf.Params[1]; !p.Variadic || p.Each.Text != "mixed" || !p.Each.Nullable {
		t.Errorf("sprintf's values: %+v", p)
	}
	if p := Function("preg_match").Params[2]; !p.ByRef || p.Name != "$matches" {
		t.Errorf("preg_match's matches: %+v", p)
	}
	if p := Function("get_class").Params[0]; p.Type.Text != "object" || !p.Type.NonNull {
		t.Errorf("get_class's object: %+v", p)
	}
}

func TestMethod(t *testing.T) {
	m, decl := Method("RuntimeException", "__CONSTRUCT")
	if m == nil || decl != "Exception" || len(m.Params) != 3 {
		t.Fatalf("RuntimeException::__construct: %+v from %q", m, decl)
	}
	if p := m.Params[2]; p.Type.Text != "?Throwable" || !p.Type.Nullable || p.Type.Class() != "Throwable" {
		t.Errorf("$previous: %+v", p.Type)
	}
	if m, _ := Method("DateTime", "setTime"); m == nil || m.Params[0].Type.Text != "int" {
		t.Errorf("DateTime::setTime: %+v", m)
	}
	if m, _ := Method("NoSuchClass", "f"); m != nil {
		t.Error("NoSuchClass::f found")
	}
	if c := Class("arrayobject"); c == nil || c.Name != "ArrayObject" || Class("NoSuchClass") != nil {
		t.Errorf("Class: %+v", c)
	}
}

func TestScalar(t *testing.T) {
	for typ, want := range map[string]string{
		"string": `""`, "array|string": `""`, "int|float": "0", "float": "0.0", "bool": "false",
		"?int": "0", "array": "", "callable": "", "DateTimeInterface": "", "object|string": `""`,
	} {
		if got := Scalar(typeOf(typ)); got != want {
			t.Errorf("Scalar(%s) = %s, want %s", typ, got, want)
		}
	}
}
