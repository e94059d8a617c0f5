<?php // riskvet:flags -nullderef.level=shown
declare(strict_types=1);

// PHP 8.5's pipe operator, each use followed on its line by a finding
// whose column proves that positions after it are the file's own, and
// operands that are still checked. php-cli here is 8.2, so this file
// does not run; package rewrite's tests hold how the pipe is read.

final class Slug
{
    public ?Slug $next = null;
    public string $text = '';

    public function make(string $title): string
    {
        $slug = $title |> trim(...) |> strtolower(...); $n = $this->next->text; // want col=62 `\$this->next may be null here \(property Slug::\$next is \?Slug\)`
        return $slug . $n;
    }

    public function operand(): string
    {
        return $this->next->text |> trim(...); // want col=16 `\$this->next may be null here \(property Slug::\$next is \?Slug\)`
    }
}
