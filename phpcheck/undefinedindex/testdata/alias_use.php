<?php
// A function imported under an alias is called by the alias: the check
// finds its declaration by its own name, and so must the look that skips
// the bodies calling nothing documented (this file reads request input
// elsewhere, so only that look stands between the read and its report).
namespace AliasUse;

use function AliasDecl\fetchRow as loadRow;

function label(): string {
    $row = loadRow();
    return $row['name']; // want `^\$row\['name'\] may be undefined: the key is optional in the @return of loadRow\(\)`
}

function page(): string {
    return $_GET['page']; // want `^\$_GET\['page'\] is read without a check that the key exists$`
}
