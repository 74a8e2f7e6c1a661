<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Layers</name>
    <message>
        <source>Parks</source>
        <translation>园区</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>宗地</translation>
    </message>
    <message>
        <source>Buildings</source>
        <translation>建筑物</translation>
    </message>
    <message>
        <source>Approved, not supplied</source>
        <translation>批而未供</translation>
    </message>
    <message>
        <source>Approval batches</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Cluster zones</source>
        <translation>产业集群区</translation>
    </message>
    <message>
        <source>Expansion proposals</source>
        <translation>扩区方案</translation>
    </message>
    <message>
        <source>Constraints</source>
        <translation>约束图层</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>Parcels by verdict</source>
        <translation>宗地（按评价结论）</translation>
    </message>
    <message>
        <source>Parcels by idle class</source>
        <translation>宗地（按闲置类别）</translation>
    </message>
    <message>
        <source>Parcels by floor-area ratio</source>
        <translation>宗地（按容积率）</translation>
    </message>
    <message>
        <source>Parcels by investment (10,000 yuan/mu)</source>
        <translation>宗地（按投资强度，万元/亩）</translation>
    </message>
    <message>
        <source>Park boundary</source>
        <translation>园区边界</translation>
    </message>
    <message>
        <source>Approved, not supplied (批而未供)</source>
        <translation>批而未供</translation>
    </message>
    <message>
        <source>Approval batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>建筑物</translation>
    </message>
    <message>
        <source>Expansion proposal</source>
        <translation>扩区方案</translation>
    </message>
    <message>
        <source>Constraint (farmland, red line, water)</source>
        <translation>约束（永久基本农田、生态保护红线、水域）</translation>
    </message>
</context>
<context>
    <name>ProjectDocument</name>
    <message>
        <source>Loading %1 (%2)…</source>
        <translation>正在加载 %1（%2）…</translation>
    </message>
    <message>
        <source>Reading tables…</source>
        <translation>正在读取表格…</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>parkatlas::desktop::AnalyzeDialog</name>
    <message>
        <source>Run the analysis again</source>
        <translation>重新分析</translation>
    </message>
    <message>
        <source>(the rule set stored in the project)</source>
        <translation>（项目中保存的规则集）</translation>
    </message>
    <message>
        <source>Evaluation date</source>
        <translation>评价日期</translation>
    </message>
    <message>
        <source>Rule set (name or file)</source>
        <translation>规则集（名称或文件）</translation>
    </message>
</context>
<context>
    <name>parkatlas::desktop::ExportDialog</name>
    <message>
        <source>Export a layer</source>
        <translation>导出图层</translation>
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
        <translation>GBK（用于旧版 GIS 软件）</translation>
    </message>
    <message>
        <source>(one file)</source>
        <translation>（单个文件）</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Shapefile encoding</source>
        <translation>Shapefile 编码</translation>
    </message>
    <message>
        <source>Split by</source>
        <translation>按字段拆分</translation>
    </message>
    <message>
        <source>Filter (where)</source>
        <translation>筛选条件（where）</translation>
    </message>
    <message>
        <source>QGIS style</source>
        <translation>QGIS 样式</translation>
    </message>
    <message>
        <source>Output (file, or folder when split)</source>
        <translation>输出（文件；拆分时为文件夹）</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
</context>
<context>
    <name>parkatlas::desktop::FilterBar</name>
    <message>
        <source>Park</source>
        <translation>园区</translation>
    </message>
    <message>
        <source>City</source>
        <translation>设区市</translation>
    </message>
    <message>
        <source>County</source>
        <translation>县（市、区）</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>产业集群</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>评价结论</translation>
    </message>
    <message>
        <source>Idle class</source>
        <translation>闲置类别</translation>
    </message>
    <message>
        <source>(all)</source>
        <translation>（全部）</translation>
    </message>
</context>
<context>
    <name>parkatlas::desktop::IdleTablePanel</name>
    <message>
        <source>Export selection to Shapefile…</source>
        <translation>导出所选为 Shapefile…</translation>
    </message>
    <message>
        <source>Export selection to Excel…</source>
        <translation>导出所选为 Excel…</translation>
    </message>
    <message>
        <source>%1 of %2 parcels</source>
        <translation>%1 / %2 宗</translation>
    </message>
</context>
<context>
    <name>parkatlas::desktop::InspectorPanel</name>
    <message>
        <source>Click a parcel on the map to explain it.</source>
        <translation>在地图上点击宗地查看说明。</translation>
    </message>
    <message>
        <source>Parcel %1</source>
        <translation>宗地 %1</translation>
    </message>
    <message>
        <source>Park: %1 (%2 level)</source>
        <translation>园区：%1（%2级）</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>FAR %1 = %2 m² / %3 m² (floor area from %4)</source>
        <translation>容积率 %1 = %2 m² / %3 m²（建筑面积来自 %4）</translation>
    </message>
    <message>
        <source>FAR: not computed (floor area or land area missing)</source>
        <translation>容积率：未计算（缺少建筑面积或用地面积）</translation>
    </message>
    <message>
        <source>Investment intensity %1 = %2 ten-thousand yuan / %3 mu</source>
        <translation>投资强度 %1 = %2 万元 / %3 亩</translation>
    </message>
    <message>
        <source>Investment intensity: not computed (no investment figure)</source>
        <translation>投资强度：未计算（缺少投资数据）</translation>
    </message>
    <message>
        <source>Tax per mu %1 = %2 / %3 mu</source>
        <translation>亩均税收 %1 = %2 万元 / %3 亩</translation>
    </message>
    <message>
        <source>Revenue per mu %1 = %2 / %3 mu</source>
        <translation>亩均营收 %1 = %2 万元 / %3 亩</translation>
    </message>
    <message>
        <source>Land area %1 m² = %2 mu (1 mu = 10000/15 m²)</source>
        <translation>用地面积 %1 m² = %2 亩（1 亩 = 10000/15 m²）</translation>
    </message>
    <message>
        <source>Floors and verdict</source>
        <translation>控制标准与结论</translation>
    </message>
    <message>
        <source>FAR floor %1 for a %2-level park</source>
        <translation>容积率下限 %1（%2级园区）</translation>
    </message>
    <message>
        <source>Investment floor %1 ten-thousand yuan per mu</source>
        <translation>投资强度下限 %1 万元/亩</translation>
    </message>
    <message>
        <source>FAR exemption: %1</source>
        <translation>容积率豁免：%1</translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation>结论：%1</translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>依据：%1</translation>
    </message>
    <message>
        <source>Idle land</source>
        <translation>闲置土地</translation>
    </message>
    <message>
        <source>Idle class: %1</source>
        <translation>闲置类别：%1</translation>
    </message>
    <message>
        <source>Days idle: %1</source>
        <translation>闲置天数：%1</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Supplied</source>
        <translation>供地</translation>
    </message>
    <message>
        <source>Start due</source>
        <translation>约定动工</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>实际动工</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>竣工</translation>
    </message>
    <message>
        <source>Halted</source>
        <translation>中止开发</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Idle fee: %1 ten-thousand yuan</source>
        <translation>土地闲置费：%1 万元</translation>
    </message>
    <message>
        <source>Low efficiency: %1</source>
        <translation>低效用地：%1</translation>
    </message>
    <message>
        <source>Industry cluster: %1</source>
        <translation>产业集群：%1</translation>
    </message>
    <message>
        <source>Data problems</source>
        <translation>数据问题</translation>
    </message>
    <message>
        <source>None recorded.</source>
        <translation>无记录。</translation>
    </message>
    <message>
        <source>All fields</source>
        <translation>全部字段</translation>
    </message>
    <message>
        <source>national</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>provincial</source>
        <translation>省</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Building coverage %1 = %2 m² of footprints / %3 m²</source>
        <translation>建筑密度 %1 = %2 m² 建筑基底 / %3 m²</translation>
    </message>
    <message>
        <source>Expansion of park %1, alternative %2</source>
        <translation>园区 %1 扩区方案（备选 %2）</translation>
    </message>
    <message>
        <source>%1 mu for a demand of %2 mu (met within 5 %)</source>
        <translation>%1 亩，需求 %2 亩（5% 以内满足）</translation>
    </message>
    <message>
        <source>%1 mu for a demand of %2 mu (not met: too little free land within reach)</source>
        <translation>%1 亩，需求 %2 亩（未满足：可达范围内空闲土地不足）</translation>
    </message>
    <message>
        <source>Grown from a point of the park boundary as a disc of radius %1 m, minus the land it may not take</source>
        <translation>自园区边界一点以半径 %1 米的圆向外扩展，扣除不可占用的土地</translation>
    </message>
    <message>
        <source>Compactness %1 (Polsby–Popper 4πA/P², 1 for a disc); %2 % of its outline is the park&apos;s</source>
        <translation>紧凑度 %1（Polsby–Popper 4πA/P²，圆为 1）；其边界的 %2% 与园区共用</translation>
    </message>
    <message>
        <source>Not eligible</source>
        <translation>不符合扩区条件</translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation>符合扩区条件</translation>
    </message>
    <message>
        <source>permanent basic farmland (永久基本农田)</source>
        <translation>永久基本农田</translation>
    </message>
    <message>
        <source>ecological red line (生态保护红线)</source>
        <translation>生态保护红线</translation>
    </message>
    <message>
        <source>water</source>
        <translation>水域</translation>
    </message>
    <message>
        <source>land already supplied (parcels)</source>
        <translation>已供应土地（宗地）</translation>
    </message>
    <message>
        <source>other parks</source>
        <translation>其他园区</translation>
    </message>
    <message>
        <source>built-up land</source>
        <translation>建成区</translation>
    </message>
    <message>
        <source>Excluded within reach: %1</source>
        <translation>可达范围内排除：%1</translation>
    </message>
    <message>
        <source>Cluster zone %1 in park %2</source>
        <translation>园区 %2 的产业集群区：%1</translation>
    </message>
    <message>
        <source>%1 member parcels of %2 firms, %3 mu of parcel land; the zone covers %4 mu</source>
        <translation>成员宗地 %1 宗，企业 %2 家，宗地面积 %3 亩；集群区面积 %4 亩</translation>
    </message>
    <message>
        <source>Revenue %1 ten-thousand yuan (%2 hundred million yuan)</source>
        <translation>营业收入 %1 万元（%2 亿元）</translation>
    </message>
    <message>
        <source>Location quotient %1: the cluster&apos;s share of the park&apos;s revenue against its share of the province&apos;s</source>
        <translation>区位熵 %1：该集群在园区营业收入中的占比与其在全省占比之比</translation>
    </message>
    <message>
        <source>Drawn by closing the member parcels (buffer out, union, buffer back in; rule set [cluster_zones]); zones of different clusters may overlap</source>
        <translation>由成员宗地闭运算生成（向外缓冲、合并、向内缓冲；规则集 [cluster_zones]）；不同集群区可重叠</translation>
    </message>
</context>
<context>
    <name>parkatlas::desktop::LayersPanel</name>
    <message>
        <source>Raise</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Lower</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Opacity of the selected layer</source>
        <translation>所选图层透明度</translation>
    </message>
    <message>
        <source>Parcels coloured by</source>
        <translation>宗地着色依据</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>评价结论</translation>
    </message>
    <message>
        <source>Idle class</source>
        <translation>闲置类别</translation>
    </message>
    <message>
        <source>Floor-area ratio</source>
        <translation>容积率</translation>
    </message>
    <message>
        <source>Investment per mu</source>
        <translation>亩均投资</translation>
    </message>
    <message>
        <source>Industry cluster</source>
        <translation>产业集群</translation>
    </message>
</context>
<context>
    <name>parkatlas::desktop::MainWindow</name>
    <message>
        <source>Scale 1:%L1</source>
        <translation>比例尺 1:%L1</translation>
    </message>
    <message>
        <source>Drawn in %1 ms</source>
        <translation>绘制用时 %1 毫秒</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;New project from a config…</source>
        <translation>由配置新建项目(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Export a layer…</source>
        <translation>导出图层(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Print map to PDF…</source>
        <translation>打印地图为 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>Save map as P&amp;NG…</source>
        <translation>保存地图为 PNG(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Run again with another date or rule set…</source>
        <translation>按其他日期或规则集重新分析(&amp;R)…</translation>
    </message>
    <message>
        <source>Zoom to &amp;full extent</source>
        <translation>缩放至全图(&amp;F)</translation>
    </message>
    <message>
        <source>Zoom to the &amp;park</source>
        <translation>缩放至园区(&amp;P)</translation>
    </message>
    <message>
        <source>Zoom to the &amp;selection</source>
        <translation>缩放至所选(&amp;S)</translation>
    </message>
    <message>
        <source>Zoom box: drag with Shift held</source>
        <translation>拉框缩放：按住 Shift 拖动</translation>
    </message>
    <message>
        <source>&amp;About ParkAtlas</source>
        <translation>关于 ParkAtlas(&amp;A)</translation>
    </message>
    <message>
        <source>About ParkAtlas</source>
        <translation>关于 ParkAtlas</translation>
    </message>
    <message>
        <source>ParkAtlas: industrial-park land-use analysis (floor-area ratio, investment intensity, idle and approved-but-unused land).</source>
        <translation>ParkAtlas：工业园区土地集约利用分析（容积率、投资强度、闲置土地与批而未用土地）。</translation>
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
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>分析(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>要素说明</translation>
    </message>
    <message>
        <source>Idle land (the bureau&apos;s list)</source>
        <translation>闲置土地（国土部门清单）</translation>
    </message>
    <message>
        <source>Park dashboard</source>
        <translation>园区概览</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Move the cursor over the map</source>
        <translation>将光标移到地图上</translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation>正在打开 %1</translation>
    </message>
    <message>
        <source>The file could not be opened.</source>
        <translation>无法打开该文件。</translation>
    </message>
    <message>
        <source>Open a project file made by “New project” (parkatlas init) and analysed, or the results.gpkg of parkatlas run.</source>
        <translation>请打开由“新建项目”（parkatlas init）创建并已分析的项目文件，或 parkatlas run 生成的 results.gpkg。</translation>
    </message>
    <message>
        <source>%1: %2 layers, measured in %3, loaded in %4 s</source>
        <translation>%1：%2 个图层，量算坐标系 %3，加载用时 %4 秒</translation>
    </message>
    <message>
        <source>The feature could not be read.</source>
        <translation>无法读取该要素。</translation>
    </message>
    <message>
        <source>The project file may have been changed; open it again.</source>
        <translation>项目文件可能已被修改，请重新打开。</translation>
    </message>
    <message>
        <source>E %1  N %2 m</source>
        <translation>东 %1  北 %2 米</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>ParkAtlas projects and results (*.parkatlas *.sqlite *.gpkg);;All files (*)</source>
        <translation>ParkAtlas 项目与结果 (*.parkatlas *.sqlite *.gpkg);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The project file exists already.</source>
        <translation>项目文件已存在。</translation>
    </message>
    <message>
        <source>Choose another name; ParkAtlas does not overwrite a project.</source>
        <translation>请另选文件名；ParkAtlas 不会覆盖已有项目。</translation>
    </message>
    <message>
        <source>Creating the project</source>
        <translation>正在创建项目</translation>
    </message>
    <message>
        <source>The project could not be created.</source>
        <translation>无法创建项目。</translation>
    </message>
    <message>
        <source>Check the config file and the layers it names (parkatlas check --config).</source>
        <translation>请检查配置文件及其引用的图层（parkatlas check --config）。</translation>
    </message>
    <message>
        <source>Only a project file can be analysed again.</source>
        <translation>只有项目文件可以重新分析。</translation>
    </message>
    <message>
        <source>Create a project from your config (File › New project).</source>
        <translation>请由配置创建项目（文件 › 新建项目）。</translation>
    </message>
    <message>
        <source>Analysing</source>
        <translation>正在分析</translation>
    </message>
    <message>
        <source>The analysis failed.</source>
        <translation>分析失败。</translation>
    </message>
    <message>
        <source>Check the rule set and the date.</source>
        <translation>请检查规则集和日期。</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>正在导出</translation>
    </message>
    <message>
        <source>The export failed.</source>
        <translation>导出失败。</translation>
    </message>
    <message>
        <source>Check the filter and that the output folder can be written.</source>
        <translation>请检查筛选条件以及输出文件夹是否可写。</translation>
    </message>
    <message>
        <source>Exported %1 features to %2 file(s)</source>
        <translation>已导出 %1 个要素到 %2 个文件</translation>
    </message>
    <message>
        <source>Export the idle parcels</source>
        <translation>导出闲置宗地</translation>
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
        <translation>请检查输出文件夹是否可写。</translation>
    </message>
    <message>
        <source>Exported %1 parcels to %2</source>
        <translation>已导出 %1 宗到 %2</translation>
    </message>
    <message>
        <source>Industrial land use — %1</source>
        <translation>工业用地利用 — %1</translation>
    </message>
    <message>
        <source>Industrial land use — park %1</source>
        <translation>工业用地利用 — 园区 %1</translation>
    </message>
    <message>
        <source>Evaluation date %1 · printed %2 · %3 · ParkAtlas</source>
        <translation>评价日期 %1 · 打印日期 %2 · %3 · ParkAtlas</translation>
    </message>
    <message>
        <source>Print map to PDF</source>
        <translation>打印地图为 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The PDF could not be written.</source>
        <translation>无法写入 PDF。</translation>
    </message>
    <message>
        <source>Choose a folder you can write to.</source>
        <translation>请选择可写入的文件夹。</translation>
    </message>
    <message>
        <source>Save map as PNG</source>
        <translation>保存地图为 PNG</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>The image could not be written.</source>
        <translation>无法写入图像。</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
</context>
<context>
    <name>parkatlas::desktop::NewProjectDialog</name>
    <message>
        <source>New project from a config</source>
        <translation>由配置新建项目</translation>
    </message>
    <message>
        <source>Config (parkatlas.toml)</source>
        <translation>配置文件（parkatlas.toml）</translation>
    </message>
    <message>
        <source>Config</source>
        <translation>配置文件</translation>
    </message>
    <message>
        <source>ParkAtlas config (*.toml)</source>
        <translation>ParkAtlas 配置 (*.toml)</translation>
    </message>
    <message>
        <source>Project file to create</source>
        <translation>要创建的项目文件</translation>
    </message>
    <message>
        <source>Project file</source>
        <translation>项目文件</translation>
    </message>
    <message>
        <source>ParkAtlas project (*.parkatlas *.sqlite)</source>
        <translation>ParkAtlas 项目 (*.parkatlas *.sqlite)</translation>
    </message>
</context>
<context>
    <name>parkatlas::desktop::ParkDashboard</name>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>City / county</source>
        <translation>市 / 县</translation>
    </message>
    <message>
        <source>Leading industries</source>
        <translation>主导产业</translation>
    </message>
    <message>
        <source>Key clusters</source>
        <translation>重点产业集群</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>宗地</translation>
    </message>
    <message>
        <source>Land (mu)</source>
        <translation>用地（亩）</translation>
    </message>
    <message>
        <source>Industrial land (mu)</source>
        <translation>工业用地（亩）</translation>
    </message>
    <message>
        <source>Park FAR of industrial land</source>
        <translation>工业用地综合容积率</translation>
    </message>
    <message>
        <source>Investment intensity (10,000 yuan/mu)</source>
        <translation>投资强度（万元/亩）</translation>
    </message>
    <message>
        <source>Share of parcels compliant</source>
        <translation>达标宗地比例</translation>
    </message>
    <message>
        <source>Approved, not supplied (mu)</source>
        <translation>批而未供（亩）</translation>
    </message>
    <message>
        <source>Digestion period (years)</source>
        <translation>消化周期（年）</translation>
    </message>
    <message>
        <source>Evaluation score</source>
        <translation>评价得分</translation>
    </message>
    <message>
        <source>Land by verdict (mu)</source>
        <translation>按结论统计用地（亩）</translation>
    </message>
    <message>
        <source>FAR distribution (parcels per 0.25 class)</source>
        <translation>容积率分布（每 0.25 一档的宗地数）</translation>
    </message>
    <message>
        <source>mu</source>
        <translation>亩</translation>
    </message>
    <message>
        <source>Idle and unused land by class (mu)</source>
        <translation>按类别统计闲置与未用土地（亩）</translation>
    </message>
    <message>
        <source>Ideal value basis</source>
        <translation>理想值确定依据</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>评价范围</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Ideal</source>
        <translation>理想值</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>产业集群</translation>
    </message>
    <message>
        <source>Firms</source>
        <translation>企业数</translation>
    </message>
    <message>
        <source>Revenue (100 million yuan)</source>
        <translation>营业收入（亿元）</translation>
    </message>
    <message>
        <source>LQ</source>
        <translation>区位熵</translation>
    </message>
    <message>
        <source>Rank within its type</source>
        <translation>同类型排名</translation>
    </message>
    <message>
        <source>city-industry integrated</source>
        <translation>产城融合型</translation>
    </message>
    <message>
        <source>industry-led</source>
        <translation>工业主导型</translation>
    </message>
    <message>
        <source>Evaluation note</source>
        <translation>评价说明</translation>
    </message>
</context>
</TS>
