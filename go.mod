module github.com/riskvet/riskvet

go 1.26.0

require (
	github.com/VKCOM/php-parser v0.8.2
	golang.org/x/tools v0.52.0
)

require honnef.co/go/tools v0.8.2
