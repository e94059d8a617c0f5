package rules_test

import (
	"testing"

	"github.com/riskvet/riskvet/internal/rules"
)

func TestRegisterPanics(t *testing.T) {
	for name, r := range map[string]rules.Rule{
		"empty":     {},
		"duplicate": {ID: "nullderef", Language: "php", Title: "t", Description: "d"},
		"no title":  {ID: "x-no-title", Language: "php", Description: "d"},
	} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Errorf("Register(%+v) did not panic", r)
				}
			}()
			rules.Register(r)
		})
	}
}

func TestCatalogComplete(t *testing.T) {
	for _, r := range rules.All() {
		if r.Upstream != "" {
			continue
		}
		if r.Rationale == "" || r.Bad == "" || r.Good == "" || r.Effort <= 0 ||
			r.Quality == "" || r.Impact == "" || r.Attribute == "" || r.Family == "" || r.Severity == "" {
			t.Errorf("rule %s lacks metadata: %+v", r.ID, r)
		}
	}
	for _, id := range []string{"genericdepth", "constraintcoupling", "nullderef", "stricttypes", "undefinedindex", "parseerror"} {
		if _, ok := rules.Lookup(id); !ok {
			t.Errorf("rule %s is not registered", id)
		}
	}
}

func TestForeign(t *testing.T) {
	r := rules.Foreign("staticcheck", "SA4006", "go")
	if r.ID != "SA4006" || r.Quality != rules.Reliability || !r.Runtime {
		t.Errorf("Foreign(SA4006) = %+v", r)
	}
	if r := rules.Foreign("staticcheck", "ST1000", "go"); r.Quality != rules.Maintainability {
		t.Errorf("Foreign(ST1000) quality = %s", r.Quality)
	}
	if r := rules.Foreign("riskvet", "nullderef", "php"); r.Upstream != "" {
		t.Errorf("Foreign(nullderef) should return the registered rule")
	}
}
