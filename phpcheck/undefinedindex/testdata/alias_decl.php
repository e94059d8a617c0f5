<?php
// Declares, for alias_use.php, a function whose @return documents a shape
// in a file of its own.
namespace AliasDecl;

/** @return array{id: int, name?: string} */
function fetchRow(): array { return ['id' => 1]; }
