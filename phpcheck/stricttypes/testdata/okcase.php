<?PHP
// ok: names, values and the tag are case-insensitive.
DECLARE(Strict_Types=1);
echo 1;
