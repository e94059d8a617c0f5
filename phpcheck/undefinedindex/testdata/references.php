<?php // riskvet:run
declare(strict_types=1);

// Two names for one array: `$fields = &$_POST` makes $fields another name
// of the request input. A guard on $_POST holds through writes by the
// other name that add keys, and falls with one that can drop the key
// (an unset, a reassignment), in a loop too. Seen in a quick-edit handler that checks
// the id, binds the input by reference and fills in defaults
// (bench/judged/undefinedindex-third-default-2026-12-01.tsv, id 46).

function testWritesThroughTheOtherName(): void
{
    if (!isset($_POST['post']) || !(int) $_POST['post']) {
        return;
    }
    $fields = &$_POST;
    $fields['status'] = 'draft';
    if (empty($fields['title'])) {
        $fields['title'] = 'untitled';
    }
    echo $_POST['post']; // negative: the writes through $fields add keys, they drop none
}

function testLoopDropsNestedKeys(): void
{
    if (!isset($_POST['post'])) {
        return;
    }
    $fields = &$_POST;
    if (!empty($fields['tags'])) {
        foreach ($fields['tags'] as $name => $tag) {
            if ($tag === '') {
                unset($fields['tags'][$name]); // drops keys of $_POST['tags'] only
            }
        }
    }
    echo $_POST['post']; // negative: the loop drops keys one level down
}

function testLoopDropsTopKeys(): void
{
    $_POST['post'] = '1';
    $_POST['draft'] = '';
    $fields = &$_POST;
    foreach ($fields as $name => $value) {
        if ($value === '1') {
            unset($fields[$name]);
        }
    }
    echo $_POST['post']; // want `\$_POST\['post'\] is read without a check that the key exists`
}

function testGuardByTheOtherName(): void
{
    $fields = &$_POST;
    if (!isset($fields['post'])) {
        return;
    }
    echo $_POST['post']; // negative: the guard was made by the other name
}

function testUnsetThroughTheOtherName(): void
{
    $_POST['post'] = '1';
    $fields = &$_POST;
    unset($fields['post']);
    echo $_POST['post']; // want `\$_POST\['post'\] is read without a check that the key exists`
}

function testReassignedThroughTheOtherName(): void
{
    $_GET['page'] = '2';
    $query = &$_GET;
    $query = ['sort' => 'asc'];
    echo $_GET['page']; // want `\$_GET\['page'\] is read without a check that the key exists`
}

function testUnsetOfTheFirstName(): void
{
    $_COOKIE['theme'] = 'dark';
    $jar = &$_COOKIE;
    $jar['lang'] = 'en';
    unset($_COOKIE['theme']);
    echo $_COOKIE['lang']; // negative: written through $jar, and the unset was of another key
    echo $_COOKIE['theme']; // want `\$_COOKIE\['theme'\] is read without a check that the key exists`
}

function testReboundElsewhere(): void
{
    $_POST['post'] = '1';
    $fields = &$_POST;
    $other = [];
    $fields = &$other; // $fields now names $other: $_POST is untouched below
    unset($fields['post']);
    echo $_POST['post']; // negative: the unset went to $other
}

function testUnsetOfTheName(): void
{
    $_POST['post'] = '1';
    $fields = &$_POST;
    unset($fields); // ends the binding, keeps the array
    echo $_POST['post']; // negative: unsetting a name removes no key
}

function dropOnOnePath(bool $input): void
{
    $_POST['post'] = '1';
    $other = [];
    if ($input) {
        $target = &$_POST;
    } else {
        $target = &$other;
    }
    unset($target['post']);
    echo $_POST['post']; // want `\$_POST\['post'\] is read without a check that the key exists`
}

function guardOnOnePath(bool $input): void
{
    $other = ['post' => '1'];
    if ($input) {
        $target = &$_POST;
    } else {
        $target = &$other;
    }
    if (isset($target['post'])) {
        echo $_POST['post']; // want `\$_POST\['post'\] is read without a check that the key exists`
    }
    $target['page'] = '2';
    echo $_POST['page']; // want `\$_POST\['page'\] is read without a check that the key exists`
}

function testDropOnOnePath(): void
{
    dropOnOnePath(true);
    guardOnOnePath(false);
}
