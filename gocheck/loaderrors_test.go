package gocheck

import (
	"reflect"
	"testing"

	"github.com/riskvet/riskvet/internal/finding"
)

func TestMessageErrors(t *testing.T) {
	msg := "# example.com/broken\n./b.go:3:13: cannot use \"s\" as int value\n\tmore detail\nb.go:5: no column"
	got := messageErrors(msg)
	want := []finding.Error{
		{File: "./b.go", Line: 3, Column: 13, Message: "cannot use \"s\" as int value\n\tmore detail"},
		{File: "b.go", Line: 5, Message: "no column"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("messageErrors:\ngot  %+v\nwant %+v", got, want)
	}
}
