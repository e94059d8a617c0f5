<?php // riskvet:run
declare(strict_types=1);

// Each positive is code written for PHP 7, where the comparison was true
// (false for !=): on PHP 8 its `or throw` fires, which proves the result
// flipped. It is alone in its function, since the throw ends it. The
// negatives run clean: their result did not change.

function testWord(): void
{
    (0 == 'all') or throw new UnexpectedValueException('0 == all'); // want col=6 `^0 == 'all' is false since PHP 8 and was true before: a non-numeric string is compared with 0 as a string$`
}

function testWordLeft(): void
{
    ("none" == 0) or throw new UnexpectedValueException('none == 0'); // want `^"none" == 0 is false since PHP 8`
}

function testNotEqual(): void
{
    (0 != 'off') and throw new UnexpectedValueException('0 != off'); // want `^0 != 'off' is true since PHP 8 and was false before`
}

function testAngleNotEqual(): void
{
    (0 <> 'off') and throw new UnexpectedValueException('0 <> off'); // want `^0 <> 'off' is true since PHP 8`
}

function testEmpty(): void
{
    (0 == '') or throw new UnexpectedValueException('empty'); // want `^0 == '' is false`
}

function testBlank(): void
{
    (0 == '   ') or throw new UnexpectedValueException('blank'); // want `^0 == '   ' is false`
}

function testHex(): void
{
    (0 == '0x1A') or throw new UnexpectedValueException('hex'); // want `^0 == '0x1A' is false`
}

function testZeroPrefix(): void
{
    (0 == '0abc') or throw new UnexpectedValueException('zero prefix'); // want `^0 == '0abc' is false`
}

function testZeroExponent(): void
{
    (0 == '0e5 units') or throw new UnexpectedValueException('zero exponent'); // want `^0 == '0e5 units' is false`
}

function testUnchanged(): void
{
    (0 == '0') or throw new UnexpectedValueException('0'); // negative: numeric, equal in both
    (0 == ' 0.0 ') or throw new UnexpectedValueException('0.0'); // negative: numeric with whitespace
    (0 == '-0') or throw new UnexpectedValueException('-0'); // negative: numeric
    (0 != '1abc') or throw new UnexpectedValueException('1abc'); // negative: prefix 1, unequal in both
    (0 != '.5 cm') or throw new UnexpectedValueException('.5'); // negative: prefix .5, unequal in both
    (0 !== 'all') or throw new UnexpectedValueException('strict'); // negative: === never coerces
    ('all' != 'none') or throw new UnexpectedValueException('strings'); // negative: no 0
    (1 != 'all') or throw new UnexpectedValueException('one'); // negative: 1 was unequal to 'all' in both
}

function testNotJudged(): void
{
    $x = 'all';
    (0 != "a\x6cl") or throw new UnexpectedValueException('escape'); // negative: an escape is not decoded
    (0 != "$x") or throw new UnexpectedValueException('interpolated'); // negative: not a plain literal
}
