<html><body>
<?php /* exempt: a template starts with inline HTML */ echo 1; ?>
</body></html>
