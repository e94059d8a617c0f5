<?php // riskvet:run
declare(strict_types=1);

// Correlated conditions: a guard made on one branch of a test of a
// variable's value holds later where a test of the same, unchanged
// variable rules the other branch out. Seen in list screens whose bulk
// actions exit when no row is checked, while the single-row actions do
// not, and whose later branch for the bulk actions reads the rows
// (bench/judged/undefinedindex-third-default-2026-12-01.tsv, ids 53, 55).

function bulk(string $action): string
{
    if ($action === 'pin' || $action === 'unpin') {
        $done = 'single';
    } else {
        if (empty($_POST['rows'])) {
            return 'nothing checked';
        }
        $done = 'bulk';
    }
    if ($action === 'pin') {
        return $done . ' pinned';
    } elseif ($action === 'unpin') {
        return $done . ' unpinned';
    }
    return implode(',', (array) $_POST['rows']); // negative: neither single action, so the rows were checked
}

function exclusions(string $mode): string
{
    if ($mode !== 'draft' && $mode !== 'trash') {
        if (!isset($_POST['target'])) {
            return 'no target';
        }
    }
    if ($mode === 'draft' || $mode === 'trash') {
        return 'kept';
    }
    return $_POST['target']; // negative: the first test held, so the target was checked
}

function single(string $action): string
{
    if ($action === 'pin' || $action === 'unpin') {
        $note = 'single';
    } else {
        if (!isset($_POST['rows'])) {
            return 'nothing checked';
        }
        $note = 'bulk';
    }
    if ($action === 'pin') {
        return $note . $_POST['rows']; // want `\$_POST\['rows'\] is read without a check that the key exists`
    }
    return $note;
}

function reassigned(string $action): string
{
    if ($action !== 'pin') {
        if (!isset($_POST['rows'])) {
            return 'none';
        }
    }
    $action = 'bulk';
    if ($action !== 'pin') {
        return $_POST['rows']; // want `\$_POST\['rows'\] is read without a check that the key exists`
    }
    return '';
}

function typed(int|string $page): string
{
    if ($page !== 1) {
        if (!isset($_GET['from'])) {
            return 'first';
        }
    }
    if ($page !== '1') {
        return $_GET['from']; // want `\$_GET\['from'\] is read without a check that the key exists`
    }
    return '';
}

function testBulk(): void
{
    echo bulk('pin'), bulk('unpin'), bulk('delete');
    echo exclusions('draft'), exclusions('edit');
}

function testSingle(): void
{
    echo single('pin');
}

function testReassigned(): void
{
    echo reassigned('pin');
}

function testTyped(): void
{
    echo typed(1);
}
