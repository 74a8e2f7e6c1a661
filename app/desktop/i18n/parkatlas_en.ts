<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Layers</name>
    <message>
        <source>Parks</source>
        <translation>Parks</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>Parcels</translation>
    </message>
    <message>
        <source>Buildings</source>
        <translation>Buildings</translation>
    </message>
    <message>
        <source>Approved, not supplied</source>
        <translation>Approved, not supplied</translation>
    </message>
    <message>
        <source>Approval batches</source>
        <translation>Approval batches</translation>
    </message>
    <message>
        <source>Cluster zones</source>
        <translation>Cluster zones</translation>
    </message>
    <message>
        <source>Expansion proposals</source>
        <translation>Expansion proposals</translation>
    </message>
    <message>
        <source>Constraints</source>
        <translation>Constraints</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>Parcels by verdict</source>
        <translation>Parcels by verdict</translation>
    </message>
    <message>
        <source>Parcels by idle class</source>
        <translation>Parcels by idle class</translation>
    </message>
    <message>
        <source>Parcels by floor-area ratio</source>
        <translation>Parcels by floor-area ratio</translation>
    </message>
    <message>
        <source>Parcels by investment (10,000 yuan/mu)</source>
        <translation>Parcels by investment (10,000 yuan/mu)</translation>
    </message>
    <message>
        <source>Park boundary</source>
        <translation>Park boundary</translation>
    </message>
    <message>
        <source>Approved, not supplied (批而未供)</source>
        <translation>Approved, not supplied (批而未供)</translation>
    </message>
    <message>
        <source>Approval batch</source>
        <translation>Approval batch</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>Building</translation>
    </message>
    <message>
        <source>Expansion proposal</source>
        <translation>Expansion proposal</translation>
    </message>
    <message>
        <source>Constraint (farmland, red line, water)</source>
        <translation>Constraint (farmland, red line, water)</translation>
    </message>
</context>
<context>
    <name>ProjectDocument</name>
    <message>
        <source>Loading %1 (%2)…</source>
        <translation>Loading %1 (%2)…</translation>
    </message>
    <message>
        <source>Reading tables…</source>
        <translation>Reading tables…</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>parkatlas::desktop::AnalyzeDialog</name>
    <message>
        <source>Run the analysis again</source>
        <translation>Run the analysis again</translation>
    </message>
    <message>
        <source>(the rule set stored in the project)</source>
        <translation>(the rule set stored in the project)</translation>
    </message>
    <message>
        <source>Evaluation date</source>
        <translation>Evaluation date</translation>
    </message>
    <message>
        <source>Rule set (name or file)</source>
        <translation>Rule set (name or file)</translation>
    </message>
</context>
<context>
    <name>parkatlas::desktop::ExportDialog</name>
    <message>
        <source>Export a layer</source>
        <translation>Export a layer</translation>
    </message>
    <message>
        <source>Shapefile</source>
        <translation>Shapefile</translation>
    </message>
    <message>
        <source>GeoPackage</source>
        <translation>GeoPackage</translation>
    </message>
    <message>
        <source>GeoJSON</source>
        <translation>GeoJSON</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>Excel</source>
        <translation>Excel</translation>
    </message>
    <message>
        <source>GBK (for older GIS software)</source>
        <translation>GBK (for older GIS software)</translation>
    </message>
    <message>
        <source>(one file)</source>
        <translation>(one file)</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Layer</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Shapefile encoding</source>
        <translation>Shapefile encoding</translation>
    </message>
    <message>
        <source>Split by</source>
        <translation>Split by</translation>
    </message>
    <message>
        <source>Filter (where)</source>
        <translation>Filter (where)</translation>
    </message>
    <message>
        <source>QGIS style</source>
        <translation>QGIS style</translation>
    </message>
    <message>
        <source>Output (file, or folder when split)</source>
        <translation>Output (file, or folder when split)</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Output</translation>
    </message>
</context>
<context>
    <name>parkatlas::desktop::FilterBar</name>
    <message>
        <source>Park</source>
        <translation>Park</translation>
    </message>
    <message>
        <source>City</source>
        <translation>City</translation>
    </message>
    <message>
        <source>County</source>
        <translation>County</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Idle class</source>
        <translation>Idle class</translation>
    </message>
    <message>
        <source>(all)</source>
        <translation>(all)</translation>
    </message>
</context>
<context>
    <name>parkatlas::desktop::IdleTablePanel</name>
    <message>
        <source>Export selection to Shapefile…</source>
        <translation>Export selection to Shapefile…</translation>
    </message>
    <message>
        <source>Export selection to Excel…</source>
        <translation>Export selection to Excel…</translation>
    </message>
    <message>
        <source>%1 of %2 parcels</source>
        <translation>%1 of %2 parcels</translation>
    </message>
</context>
<context>
    <name>parkatlas::desktop::InspectorPanel</name>
    <message>
        <source>Click a parcel on the map to explain it.</source>
        <translation>Click a parcel on the map to explain it.</translation>
    </message>
    <message>
        <source>Parcel %1</source>
        <translation>Parcel %1</translation>
    </message>
    <message>
        <source>Park: %1 (%2 level)</source>
        <translation>Park: %1 (%2 level)</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <source>FAR %1 = %2 m² / %3 m² (floor area from %4)</source>
        <translation>FAR %1 = %2 m² / %3 m² (floor area from %4)</translation>
    </message>
    <message>
        <source>FAR: not computed (floor area or land area missing)</source>
        <translation>FAR: not computed (floor area or land area missing)</translation>
    </message>
    <message>
        <source>Investment intensity %1 = %2 ten-thousand yuan / %3 mu</source>
        <translation>Investment intensity %1 = %2 ten-thousand yuan / %3 mu</translation>
    </message>
    <message>
        <source>Investment intensity: not computed (no investment figure)</source>
        <translation>Investment intensity: not computed (no investment figure)</translation>
    </message>
    <message>
        <source>Tax per mu %1 = %2 / %3 mu</source>
        <translation>Tax per mu %1 = %2 / %3 mu</translation>
    </message>
    <message>
        <source>Revenue per mu %1 = %2 / %3 mu</source>
        <translation>Revenue per mu %1 = %2 / %3 mu</translation>
    </message>
    <message>
        <source>Land area %1 m² = %2 mu (1 mu = 10000/15 m²)</source>
        <translation>Land area %1 m² = %2 mu (1 mu = 10000/15 m²)</translation>
    </message>
    <message>
        <source>Floors and verdict</source>
        <translation>Floors and verdict</translation>
    </message>
    <message>
        <source>FAR floor %1 for a %2-level park</source>
        <translation>FAR floor %1 for a %2-level park</translation>
    </message>
    <message>
        <source>Investment floor %1 ten-thousand yuan per mu</source>
        <translation>Investment floor %1 ten-thousand yuan per mu</translation>
    </message>
    <message>
        <source>FAR exemption: %1</source>
        <translation>FAR exemption: %1</translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation>Verdict: %1</translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>Why: %1</translation>
    </message>
    <message>
        <source>Idle land</source>
        <translation>Idle land</translation>
    </message>
    <message>
        <source>Idle class: %1</source>
        <translation>Idle class: %1</translation>
    </message>
    <message>
        <source>Days idle: %1</source>
        <translation>Days idle: %1</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Supplied</source>
        <translation>Supplied</translation>
    </message>
    <message>
        <source>Start due</source>
        <translation>Start due</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Halted</source>
        <translation>Halted</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Idle fee: %1 ten-thousand yuan</source>
        <translation>Idle fee: %1 ten-thousand yuan</translation>
    </message>
    <message>
        <source>Low efficiency: %1</source>
        <translation>Low efficiency: %1</translation>
    </message>
    <message>
        <source>Industry cluster: %1</source>
        <translation>Industry cluster: %1</translation>
    </message>
    <message>
        <source>Data problems</source>
        <translation>Data problems</translation>
    </message>
    <message>
        <source>None recorded.</source>
        <translation>None recorded.</translation>
    </message>
    <message>
        <source>All fields</source>
        <translation>All fields</translation>
    </message>
    <message>
        <source>national</source>
        <translation>national</translation>
    </message>
    <message>
        <source>provincial</source>
        <translation>provincial</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Building coverage %1 = %2 m² of footprints / %3 m²</source>
        <translation>Building coverage %1 = %2 m² of footprints / %3 m²</translation>
    </message>
    <message>
        <source>Expansion of park %1, alternative %2</source>
        <translation>Expansion of park %1, alternative %2</translation>
    </message>
    <message>
        <source>%1 mu for a demand of %2 mu (met within 5 %)</source>
        <translation>%1 mu for a demand of %2 mu (met within 5 %)</translation>
    </message>
    <message>
        <source>%1 mu for a demand of %2 mu (not met: too little free land within reach)</source>
        <translation>%1 mu for a demand of %2 mu (not met: too little free land within reach)</translation>
    </message>
    <message>
        <source>Grown from a point of the park boundary as a disc of radius %1 m, minus the land it may not take</source>
        <translation>Grown from a point of the park boundary as a disc of radius %1 m, minus the land it may not take</translation>
    </message>
    <message>
        <source>Compactness %1 (Polsby–Popper 4πA/P², 1 for a disc); %2 % of its outline is the park&apos;s</source>
        <translation>Compactness %1 (Polsby–Popper 4πA/P², 1 for a disc); %2 % of its outline is the park's</translation>
    </message>
    <message>
        <source>Not eligible</source>
        <translation>Not eligible</translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation>Eligible</translation>
    </message>
    <message>
        <source>permanent basic farmland (永久基本农田)</source>
        <translation>permanent basic farmland (永久基本农田)</translation>
    </message>
    <message>
        <source>ecological red line (生态保护红线)</source>
        <translation>ecological red line (生态保护红线)</translation>
    </message>
    <message>
        <source>water</source>
        <translation>water</translation>
    </message>
    <message>
        <source>land already supplied (parcels)</source>
        <translation>land already supplied (parcels)</translation>
    </message>
    <message>
        <source>other parks</source>
        <translation>other parks</translation>
    </message>
    <message>
        <source>built-up land</source>
        <translation>built-up land</translation>
    </message>
    <message>
        <source>Excluded within reach: %1</source>
        <translation>Excluded within reach: %1</translation>
    </message>
    <message>
        <source>Cluster zone %1 in park %2</source>
        <translation>Cluster zone %1 in park %2</translation>
    </message>
    <message>
        <source>%1 member parcels of %2 firms, %3 mu of parcel land; the zone covers %4 mu</source>
        <translation>%1 member parcels of %2 firms, %3 mu of parcel land; the zone covers %4 mu</translation>
    </message>
    <message>
        <source>Revenue %1 ten-thousand yuan (%2 hundred million yuan)</source>
        <translation>Revenue %1 ten-thousand yuan (%2 hundred million yuan)</translation>
    </message>
    <message>
        <source>Location quotient %1: the cluster&apos;s share of the park&apos;s revenue against its share of the province&apos;s</source>
        <translation>Location quotient %1: the cluster's share of the park's revenue against its share of the province's</translation>
    </message>
    <message>
        <source>Drawn by closing the member parcels (buffer out, union, buffer back in; rule set [cluster_zones]); zones of different clusters may overlap</source>
        <translation>Drawn by closing the member parcels (buffer out, union, buffer back in; rule set [cluster_zones]); zones of different clusters may overlap</translation>
    </message>
</context>
<context>
    <name>parkatlas::desktop::LayersPanel</name>
    <message>
        <source>Raise</source>
        <translation>Raise</translation>
    </message>
    <message>
        <source>Lower</source>
        <translation>Lower</translation>
    </message>
    <message>
        <source>Opacity of the selected layer</source>
        <translation>Opacity of the selected layer</translation>
    </message>
    <message>
        <source>Parcels coloured by</source>
        <translation>Parcels coloured by</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Idle class</source>
        <translation>Idle class</translation>
    </message>
    <message>
        <source>Floor-area ratio</source>
        <translation>Floor-area ratio</translation>
    </message>
    <message>
        <source>Investment per mu</source>
        <translation>Investment per mu</translation>
    </message>
    <message>
        <source>Industry cluster</source>
        <translation>Industry cluster</translation>
    </message>
</context>
<context>
    <name>parkatlas::desktop::MainWindow</name>
    <message>
        <source>Scale 1:%L1</source>
        <translation>Scale 1:%L1</translation>
    </message>
    <message>
        <source>Drawn in %1 ms</source>
        <translation>Drawn in %1 ms</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>&amp;Open project…</translation>
    </message>
    <message>
        <source>&amp;New project from a config…</source>
        <translation>&amp;New project from a config…</translation>
    </message>
    <message>
        <source>&amp;Export a layer…</source>
        <translation>&amp;Export a layer…</translation>
    </message>
    <message>
        <source>&amp;Print map to PDF…</source>
        <translation>&amp;Print map to PDF…</translation>
    </message>
    <message>
        <source>Save map as P&amp;NG…</source>
        <translation>Save map as P&amp;NG…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Run again with another date or rule set…</source>
        <translation>&amp;Run again with another date or rule set…</translation>
    </message>
    <message>
        <source>Zoom to &amp;full extent</source>
        <translation>Zoom to &amp;full extent</translation>
    </message>
    <message>
        <source>Zoom to the &amp;park</source>
        <translation>Zoom to the &amp;park</translation>
    </message>
    <message>
        <source>Zoom to the &amp;selection</source>
        <translation>Zoom to the &amp;selection</translation>
    </message>
    <message>
        <source>Zoom box: drag with Shift held</source>
        <translation>Zoom box: drag with Shift held</translation>
    </message>
    <message>
        <source>&amp;About ParkAtlas</source>
        <translation>&amp;About ParkAtlas</translation>
    </message>
    <message>
        <source>About ParkAtlas</source>
        <translation>About ParkAtlas</translation>
    </message>
    <message>
        <source>ParkAtlas: industrial-park land-use analysis (floor-area ratio, investment intensity, idle and approved-but-unused land).</source>
        <translation>ParkAtlas: industrial-park land-use analysis (floor-area ratio, investment intensity, idle and approved-but-unused land).</translation>
    </message>
    <message>
        <source>ParkAtlas — %1</source>
        <translation>ParkAtlas — %1</translation>
    </message>
    <message>
        <source>ParkAtlas</source>
        <translation>ParkAtlas</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>&amp;Analysis</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Layers</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>Idle land (the bureau&apos;s list)</source>
        <translation>Idle land (the bureau&apos;s list)</translation>
    </message>
    <message>
        <source>Park dashboard</source>
        <translation>Park dashboard</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filters</translation>
    </message>
    <message>
        <source>Move the cursor over the map</source>
        <translation>Move the cursor over the map</translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation>Opening %1</translation>
    </message>
    <message>
        <source>The file could not be opened.</source>
        <translation>The file could not be opened.</translation>
    </message>
    <message>
        <source>Open a project file made by “New project” (parkatlas init) and analysed, or the results.gpkg of parkatlas run.</source>
        <translation>Open a project file made by “New project” (parkatlas init) and analysed, or the results.gpkg of parkatlas run.</translation>
    </message>
    <message>
        <source>%1: %2 layers, measured in %3, loaded in %4 s</source>
        <translation>%1: %2 layers, measured in %3, loaded in %4 s</translation>
    </message>
    <message>
        <source>The feature could not be read.</source>
        <translation>The feature could not be read.</translation>
    </message>
    <message>
        <source>The project file may have been changed; open it again.</source>
        <translation>The project file may have been changed; open it again.</translation>
    </message>
    <message>
        <source>E %1  N %2 m</source>
        <translation>E %1  N %2 m</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Open project</translation>
    </message>
    <message>
        <source>ParkAtlas projects and results (*.parkatlas *.sqlite *.gpkg);;All files (*)</source>
        <translation>ParkAtlas projects and results (*.parkatlas *.sqlite *.gpkg);;All files (*)</translation>
    </message>
    <message>
        <source>The project file exists already.</source>
        <translation>The project file exists already.</translation>
    </message>
    <message>
        <source>Choose another name; ParkAtlas does not overwrite a project.</source>
        <translation>Choose another name; ParkAtlas does not overwrite a project.</translation>
    </message>
    <message>
        <source>Creating the project</source>
        <translation>Creating the project</translation>
    </message>
    <message>
        <source>The project could not be created.</source>
        <translation>The project could not be created.</translation>
    </message>
    <message>
        <source>Check the config file and the layers it names (parkatlas check --config).</source>
        <translation>Check the config file and the layers it names (parkatlas check --config).</translation>
    </message>
    <message>
        <source>Only a project file can be analysed again.</source>
        <translation>Only a project file can be analysed again.</translation>
    </message>
    <message>
        <source>Create a project from your config (File › New project).</source>
        <translation>Create a project from your config (File › New project).</translation>
    </message>
    <message>
        <source>Analysing</source>
        <translation>Analysing</translation>
    </message>
    <message>
        <source>The analysis failed.</source>
        <translation>The analysis failed.</translation>
    </message>
    <message>
        <source>Check the rule set and the date.</source>
        <translation>Check the rule set and the date.</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Exporting</translation>
    </message>
    <message>
        <source>The export failed.</source>
        <translation>The export failed.</translation>
    </message>
    <message>
        <source>Check the filter and that the output folder can be written.</source>
        <translation>Check the filter and that the output folder can be written.</translation>
    </message>
    <message>
        <source>Exported %1 features to %2 file(s)</source>
        <translation>Exported %1 features to %2 file(s)</translation>
    </message>
    <message>
        <source>Export the idle parcels</source>
        <translation>Export the idle parcels</translation>
    </message>
    <message>
        <source>Shapefile (*.shp)</source>
        <translation>Shapefile (*.shp)</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Check that the output folder can be written.</source>
        <translation>Check that the output folder can be written.</translation>
    </message>
    <message>
        <source>Exported %1 parcels to %2</source>
        <translation>Exported %1 parcels to %2</translation>
    </message>
    <message>
        <source>Industrial land use — %1</source>
        <translation>Industrial land use — %1</translation>
    </message>
    <message>
        <source>Industrial land use — park %1</source>
        <translation>Industrial land use — park %1</translation>
    </message>
    <message>
        <source>Evaluation date %1 · printed %2 · %3 · ParkAtlas</source>
        <translation>Evaluation date %1 · printed %2 · %3 · ParkAtlas</translation>
    </message>
    <message>
        <source>Print map to PDF</source>
        <translation>Print map to PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The PDF could not be written.</source>
        <translation>The PDF could not be written.</translation>
    </message>
    <message>
        <source>Choose a folder you can write to.</source>
        <translation>Choose a folder you can write to.</translation>
    </message>
    <message>
        <source>Save map as PNG</source>
        <translation>Save map as PNG</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <source>The image could not be written.</source>
        <translation>The image could not be written.</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Legend</translation>
    </message>
</context>
<context>
    <name>parkatlas::desktop::NewProjectDialog</name>
    <message>
        <source>New project from a config</source>
        <translation>New project from a config</translation>
    </message>
    <message>
        <source>Config (parkatlas.toml)</source>
        <translation>Config (parkatlas.toml)</translation>
    </message>
    <message>
        <source>Config</source>
        <translation>Config</translation>
    </message>
    <message>
        <source>ParkAtlas config (*.toml)</source>
        <translation>ParkAtlas config (*.toml)</translation>
    </message>
    <message>
        <source>Project file to create</source>
        <translation>Project file to create</translation>
    </message>
    <message>
        <source>Project file</source>
        <translation>Project file</translation>
    </message>
    <message>
        <source>ParkAtlas project (*.parkatlas *.sqlite)</source>
        <translation>ParkAtlas project (*.parkatlas *.sqlite)</translation>
    </message>
</context>
<context>
    <name>parkatlas::desktop::ParkDashboard</name>
    <message>
        <source>Figure</source>
        <translation>Figure</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>City / county</source>
        <translation>City / county</translation>
    </message>
    <message>
        <source>Leading industries</source>
        <translation>Leading industries</translation>
    </message>
    <message>
        <source>Key clusters</source>
        <translation>Key clusters</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>Parcels</translation>
    </message>
    <message>
        <source>Land (mu)</source>
        <translation>Land (mu)</translation>
    </message>
    <message>
        <source>Industrial land (mu)</source>
        <translation>Industrial land (mu)</translation>
    </message>
    <message>
        <source>Park FAR of industrial land</source>
        <translation>Park FAR of industrial land</translation>
    </message>
    <message>
        <source>Investment intensity (10,000 yuan/mu)</source>
        <translation>Investment intensity (10,000 yuan/mu)</translation>
    </message>
    <message>
        <source>Share of parcels compliant</source>
        <translation>Share of parcels compliant</translation>
    </message>
    <message>
        <source>Approved, not supplied (mu)</source>
        <translation>Approved, not supplied (mu)</translation>
    </message>
    <message>
        <source>Digestion period (years)</source>
        <translation>Digestion period (years)</translation>
    </message>
    <message>
        <source>Evaluation score</source>
        <translation>Evaluation score</translation>
    </message>
    <message>
        <source>Land by verdict (mu)</source>
        <translation>Land by verdict (mu)</translation>
    </message>
    <message>
        <source>FAR distribution (parcels per 0.25 class)</source>
        <translation>FAR distribution (parcels per 0.25 class)</translation>
    </message>
    <message>
        <source>mu</source>
        <translation>mu</translation>
    </message>
    <message>
        <source>Idle and unused land by class (mu)</source>
        <translation>Idle and unused land by class (mu)</translation>
    </message>
    <message>
        <source>Ideal value basis</source>
        <translation>Ideal value basis</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Range</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>Ideal</source>
        <translation>Ideal</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Firms</source>
        <translation>Firms</translation>
    </message>
    <message>
        <source>Revenue (100 million yuan)</source>
        <translation>Revenue (100 million yuan)</translation>
    </message>
    <message>
        <source>LQ</source>
        <translation>LQ</translation>
    </message>
    <message>
        <source>Rank within its type</source>
        <translation>Rank within its type</translation>
    </message>
    <message>
        <source>city-industry integrated</source>
        <translation>city-industry integrated</translation>
    </message>
    <message>
        <source>industry-led</source>
        <translation>industry-led</translation>
    </message>
    <message>
        <source>Evaluation note</source>
        <translation>Evaluation note</translation>
    </message>
</context>
</TS>
