// Package nested holds no code: its test runs the nested modules' tests.
package nested
