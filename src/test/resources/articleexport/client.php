<?php
// A municipal website's ArticleExport integration, as ffwagency/borgerdk-php and OS2web's borger.dk module call it:
// PHP's SoapClient in WSDL mode, parameters as arrays, Content parsed with PHP's DOM by the blocks' ids.
// Usage: php client.php <WSDL URL> <a municipal action page's URL>. Prints one JSON object; exits 0 unless PHP fails.
// ArticleExportPhpClientTests asserts what it prints.

$wsdl = $argv[1];
$municipalUrl = $argv[2];
$out = ['responses' => []];

$client = new SoapClient($wsdl, ['trace' => 1, 'exceptions' => true, 'cache_wsdl' => WSDL_CACHE_NONE,
    'connection_timeout' => 10]);
$out['functions'] = count($client->__getFunctions());

/** Calls the operation; a SoapFault becomes ['fault' => code, 'message' => text]. Every raw answer is kept. */
function call($client, $operation, $params, &$out) {
    try {
        $result = $client->$operation($params);
        $out['responses'][] = $client->__getLastResponse();
        $name = $operation . 'Result';
        return $result->$name;
    } catch (SoapFault $fault) {
        $out['responses'][] = $client->__getLastResponse();
        return ['fault' => $fault->faultcode, 'message' => $fault->getMessage()];
    }
}

/** One list element arrives as an object, several as an array, none as an empty object. */
function items($result, $member) {
    if (!isset($result->$member)) {
        return [];
    }
    return is_array($result->$member) ? $result->$member : [$result->$member];
}

/** The Content blocks, by the selectors the PHP clients use. */
function parseContent($html) {
    $dom = new DOMDocument();
    libxml_use_internal_errors(true);
    $dom->loadHTML('<?xml encoding="UTF-8"><html><body>' . $html . '</body></html>');
    libxml_clear_errors();
    $xpath = new DOMXPath($dom);
    $links = [];
    // #selvbetjeningslinks > ul > li
    foreach ($xpath->query('//*[@id="selvbetjeningslinks"]/ul/li') as $li) {
        $a = $xpath->query('.//a', $li)->item(0);
        $parts = explode('_', $li->getAttribute('id'));
        $links[] = ['id' => end($parts), 'liId' => $li->getAttribute('id'), 'href' => $a->getAttribute('href'),
            'title' => trim($a->getAttribute('title')), 'label' => trim($a->textContent)];
    }
    // #kernetekst > div[id^="microArticle_"]: an h2 and a div
    $micro = [];
    foreach ($xpath->query('//*[@id="kernetekst"]/div[starts-with(@id, "microArticle_")]') as $div) {
        $body = $xpath->query('./div', $div)->item(0);
        $micro[] = ['headline' => trim($xpath->query('./h2', $div)->item(0)->textContent),
            'content' => trim($dom->saveHTML($body))];
    }
    $byline = $xpath->query('//*[@id="byline"]')->item(0);
    return ['links' => $links, 'microArticles' => $micro, 'byline' => $byline ? trim($byline->textContent) : null];
}

function article($a) {
    return ['id' => $a->ArticleID, 'title' => html_entity_decode($a->ArticleTitle, ENT_NOQUOTES, 'UTF-8'),
        'header' => html_entity_decode($a->ArticleHeader, ENT_NOQUOTES, 'UTF-8'), 'url' => $a->ArticleUrl,
        'lastUpdated' => $a->LastUpdated, 'publishingDate' => $a->PublishingDate,
        'content' => parseContent($a->Content)];
}

// GetMunicipalityList: $r->GetMunicipalityListResult->Municipality
$municipalities = items(call($client, 'GetMunicipalityList', [], $out), 'Municipality');
$out['municipalities'] = count($municipalities);
foreach ($municipalities as $m) {
    if ($m->MunicipalityCode == 157) {
        $out['municipality157'] = $m->MunicipalityName;
    }
}

// GetAllArticles
$all = items(call($client, 'GetAllArticles', [], $out), 'ArticleDescription');
$out['articles'] = count($all);
$ids = array_map(function ($d) { return $d->ArticleID; }, $all);
$out['articleUrls'] = array_map(function ($d) { return $d->ArticleUrl; }, $all);

// GetArticleIDByUrl
$short = call($client, 'GetArticleIDByUrl', ['url' => $municipalUrl], $out);
$id = $short->ArticleID;
$out['municipalArticle'] = ['id' => $id, 'title' => $short->ArticleTitle];

// GetArticleByID without a municipality and with 101 and 751 (['articleID' => 150, 'municipalityCode' => 157])
$out['national'] = article(call($client, 'GetArticleByID', ['articleID' => $id], $out));
$out['in101'] = article(call($client, 'GetArticleByID', ['articleID' => $id, 'municipalityCode' => 101], $out));
$out['in751'] = article(call($client, 'GetArticleByID', ['articleID' => $id, 'municipalityCode' => 751], $out));

// GetArticlesByIDs (['articleIDs' => array(150, 152), 'municipalityCode' => 157]), and with updatedAfter
$many = items(call($client, 'GetArticlesByIDs', ['articleIDs' => $ids, 'municipalityCode' => 751], $out), 'Article');
$out['byIds'] = ['count' => count($many), 'withLinks' => count(array_filter($many, function ($a) {
    return count(parseContent($a->Content)['links']) === 1;
}))];
$one = call($client, 'GetArticlesByIDs', ['articleIDs' => [$id]], $out);
$out['byOneId'] = is_object($one->Article) ? $one->Article->ArticleID : null;
$future = call($client, 'GetArticlesByIDs', ['articleIDs' => $ids, 'updatedAfter' => '2999-01-01T00:00:00'], $out);
$out['updatedAfterFuture'] = count(items($future, 'Article'));
$past = call($client, 'GetArticlesByIDs', ['articleIDs' => $ids, 'updatedAfter' => '2000-01-01T00:00:00'], $out);
$out['updatedAfterPast'] = count(items($past, 'Article'));

// GetAllSites and GetArticleIDsBySiteID
$sites = items(call($client, 'GetAllSites', [], $out), 'Site');
$out['sites'] = count($sites);
$out['firstSite'] = ['id' => $sites[0]->SiteID, 'name' => urldecode($sites[0]->SiteName), 'title' => $sites[0]->SiteTitle,
    'parent' => $sites[0]->ParentID];
$bySite = 0;
foreach ($sites as $site) {
    $bySite += count(items(call($client, 'GetArticleIDsBySiteID', ['siteID' => $site->SiteID], $out),
        'ArticleShortDescription'));
}
$out['articlesBySite'] = $bySite;

// Faults
$out['faults'] = [
    'unknownId' => call($client, 'GetArticleByID', ['articleID' => 999999], $out),
    'unknownIds' => call($client, 'GetArticlesByIDs', ['articleIDs' => [999998, 999999]], $out),
    'unknownUrl' => call($client, 'GetArticleIDByUrl', ['url' => 'https://www.borger.dk/handlingsside/findes-ikke'], $out),
    'unknownSite' => call($client, 'GetArticleIDsBySiteID', ['siteID' => 999999], $out),
    'GetFormServiceAreaList' => call($client, 'GetFormServiceAreaList', [], $out),
    'GetFormTaskAreaList' => call($client, 'GetFormTaskAreaList', [], $out),
    'GetFormTaskList' => call($client, 'GetFormTaskList', [], $out),
    'GetArticleIDsByFormServiceArea' => call($client, 'GetArticleIDsByFormServiceArea',
        ['formServiceAreaNumber' => '23'], $out),
    'GetArticleIDsByFormTaskArea' => call($client, 'GetArticleIDsByFormTaskArea', ['formTaskAreaNumber' => '23.05'], $out),
    'GetArticlesByFormTasks' => call($client, 'GetArticlesByFormTasks', ['formTaskNumbers' => ['23.05.01']], $out),
];

echo json_encode($out, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_PRETTY_PRINT), "\n";
