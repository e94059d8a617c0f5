// Package index is riskvet's symbol index of a PHP tree: classes, interfaces,
// traits, enums, functions, methods, properties and constants with their
// declared types, namespaces and use imports resolved. It is built in a
// first, parallel pass over every file (Collect per file, then Merge), and is
// the only data the checks share across files.
package index

import "github.com/VKCOM/php-parser/pkg/ast"

// Index is the merged index of a tree. The zero value is an empty index.
type Index struct{}

// FileSymbols holds the declarations of one file.
type FileSymbols struct{}

// Collect extracts the declarations of one parsed file.
func Collect(path string, root ast.Vertex) *FileSymbols { return &FileSymbols{} }

// Merge builds the index of a tree from its files' symbols.
func Merge(files []*FileSymbols) *Index { return &Index{} }
