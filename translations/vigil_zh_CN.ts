<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Choose a new password</source>
        <translation>设置新密码</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Changing…</source>
        <translation>正在修改…</translation>
    </message>
    <message>
        <source>The server asks %1 to choose a new password before going on.</source>
        <translation>服务器要求 %1 先设置新密码才能继续。</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>ClientSettingsPage</name>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Language of the interface</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Default stream for live video</source>
        <translation>实时预览默认码流</translation>
    </message>
    <message>
        <source>Buffering: %1 ms</source>
        <translation>缓冲：%1 毫秒</translation>
    </message>
    <message>
        <source>Less buffering shows live video sooner; more rides out a busy network.</source>
        <translation>缓冲越少，实时画面越及时；缓冲越多，越能应对繁忙的网络。</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>报警</translation>
    </message>
    <message>
        <source>Play a sound when an alarm comes in</source>
        <translation>收到报警时播放声音</translation>
    </message>
    <message>
        <source>Also in the top bar (%1).</source>
        <translation>也可在顶栏切换（%1）。</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Snapshots are saved in</source>
        <translation>抓图保存位置</translation>
    </message>
    <message>
        <source>Exported clips are saved in</source>
        <translation>导出片段保存位置</translation>
    </message>
    <message>
        <source>Shortcut keys</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Type the keys (for example Ctrl+Shift+S or F5) and press Enter. Ctrl+1 to Ctrl+9 open the pages of the rail.</source>
        <translation>输入按键（例如 Ctrl+Shift+S 或 F5）后按回车。Ctrl+1 至 Ctrl+9 用于打开导航栏中的页面。</translation>
    </message>
    <message>
        <source>Restore the default keys</source>
        <translation>恢复默认快捷键</translation>
    </message>
    <message>
        <source>Stored on this computer in %1</source>
        <translation>保存在本机：%1</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Main stream</source>
        <translation>主码流</translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation>移除 %1？</translation>
    </message>
    <message>
        <source>Remove device</source>
        <translation>移除设备</translation>
    </message>
    <message>
        <source>The server stops connecting to it and its live video ends now. Its settings and credentials are deleted.</source>
        <translation>服务器将停止连接该设备，其实时视频立即结束。其设置和凭据将被删除。</translation>
    </message>
    <message>
        <source>New group in %1</source>
        <translation>在 %1 中新建分组</translation>
    </message>
    <message>
        <source>New organisation</source>
        <translation>新建组织</translation>
    </message>
    <message>
        <source>Rename %1</source>
        <translation>重命名 %1</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Delete %1?</source>
        <translation>删除 %1？</translation>
    </message>
    <message>
        <source>Delete group</source>
        <translation>删除分组</translation>
    </message>
    <message>
        <source>Keep what it holds</source>
        <translation>保留其内容</translation>
    </message>
    <message>
        <source>Its groups and devices move up one level.</source>
        <translation>其分组和设备上移一级。</translation>
    </message>
    <message>
        <source>Its groups are deleted and its devices removed, all the way down.</source>
        <translation>其所有下级分组将被删除，设备将被移除。</translation>
    </message>
    <message>
        <source>ORGANISATION</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>No groups yet. Ctrl+G makes an organisation; select it to add groups inside.</source>
        <translation>还没有分组。按 Ctrl+G 创建组织；选中它后可在其中添加分组。</translation>
    </message>
    <message>
        <source>New group</source>
        <translation>新建分组</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Discover…</source>
        <translation>发现…</translation>
    </message>
    <message>
        <source>Add camera</source>
        <translation>添加摄像机</translation>
    </message>
    <message>
        <source>Address to probe (empty: search the local network)</source>
        <translation>要探测的地址（留空：搜索本地网络）</translation>
    </message>
    <message>
        <source>User for adding</source>
        <translation>添加时使用的用户</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>已添加</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Loading devices…</source>
        <translation>正在加载设备…</translation>
    </message>
    <message>
        <source>No devices yet. Add a camera (Ctrl+N) or discover ONVIF cameras (Ctrl+D).</source>
        <translation>还没有设备。添加摄像机（Ctrl+N）或发现 ONVIF 摄像机（Ctrl+D）。</translation>
    </message>
    <message>
        <source>Add a camera</source>
        <translation>添加一台摄像机</translation>
    </message>
    <message>
        <source>Connect by</source>
        <translation>连接方式</translation>
    </message>
    <message>
        <source>RTSP URL</source>
        <translation>RTSP URL</translation>
    </message>
    <message>
        <source>ONVIF address</source>
        <translation>ONVIF 地址</translation>
    </message>
    <message>
        <source>ONVIF address (host, host:port or device service URL)</source>
        <translation>ONVIF 地址（主机、主机:端口或设备服务 URL）</translation>
    </message>
    <message>
        <source>Sub stream RTSP URL (optional)</source>
        <translation>子码流 RTSP URL（可选）</translation>
    </message>
    <message>
        <source>Name (empty: the address&apos;s host)</source>
        <translation>名称（留空：使用地址中的主机名）</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>stored; empty keeps it</source>
        <translation>已保存；留空则保持不变</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>A disabled camera is not connected, shown live or recorded.</source>
        <translation>禁用的摄像机不会被连接、实时显示或录像。</translation>
    </message>
    <message>
        <source>Cancel test</source>
        <translation>取消测试</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>DETAILS</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>制造商</translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation>固件</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Main: %1</source>
        <translation>主码流：%1</translation>
    </message>
    <message>
        <source>Sub: %1</source>
        <translation>子码流：%1</translation>
    </message>
    <message>
        <source>Motion…</source>
        <translation>移动侦测…</translation>
    </message>
    <message>
        <source>Server-side motion detection and its regions</source>
        <translation>服务器端移动侦测及其区域</translation>
    </message>
</context>
<context>
    <name>EventCenterPage</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Every severity</source>
        <translation>所有级别</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Events and alarms</source>
        <translation>事件和报警</translation>
    </message>
    <message>
        <source>Alarms only</source>
        <translation>仅报警</translation>
    </message>
    <message>
        <source>Pending alarms</source>
        <translation>待处理报警</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>已处理</translation>
    </message>
    <message>
        <source>Export events</source>
        <translation>导出事件</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>Every event matching the filters (and in History, the time range) is written, not only this page.</source>
        <translation>写入所有符合筛选条件（在历史中还包括时间范围）的事件，而不仅是本页。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Live (Alt+L)</source>
        <translation>实时（Alt+L）</translation>
    </message>
    <message>
        <source>History (Alt+H)</source>
        <translation>历史（Alt+H）</translation>
    </message>
    <message>
        <source>Rules (Alt+R)</source>
        <translation>规则（Alt+R）</translation>
    </message>
    <message>
        <source>%1 pending alarms, %2 new</source>
        <translation>%1 个待处理报警，%2 个新报警</translation>
    </message>
    <message>
        <source>Sound muted (M)</source>
        <translation>声音已静音（M）</translation>
    </message>
    <message>
        <source>Sound on (M)</source>
        <translation>声音已开启（M）</translation>
    </message>
    <message>
        <source>Last sound: %1</source>
        <translation>上次声音：%1</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>报警</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>◀ Newer</source>
        <translation>◀ 较新</translation>
    </message>
    <message>
        <source>Older ▶</source>
        <translation>较旧 ▶</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message numerus="yes">
        <source>%n checked</source>
        <translation>
            <numerusform>已勾选 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>No events yet. They appear here as they happen.</source>
        <translation>还没有事件。事件发生时会显示在这里。</translation>
    </message>
    <message>
        <source>Select an event</source>
        <translation>选择一个事件</translation>
    </message>
    <message>
        <source>Live (V) or from the event&apos;s time (Shift+V)</source>
        <translation>实时（V）或从事件时间开始（Shift+V）</translation>
    </message>
    <message>
        <source>Live (V)</source>
        <translation>实时（V）</translation>
    </message>
    <message>
        <source>At event time (Shift+V)</source>
        <translation>事件时间（Shift+V）</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Trail</source>
        <translation>处理记录</translation>
    </message>
    <message numerus="yes">
        <source>Acting on %n checked alarms</source>
        <translation>
            <numerusform>正在处理 %n 个已勾选的报警</numerusform>
        </translation>
    </message>
    <message>
        <source>Acting on the selected alarm</source>
        <translation>正在处理所选报警</translation>
    </message>
    <message>
        <source>Check alarms (Space, Ctrl+Shift+A for all) or select one to act on it</source>
        <translation>勾选报警（空格键，Ctrl+Shift+A 全选）或选择一个进行处理</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>what was seen, what was done</source>
        <translation>看到了什么，做了什么</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
</context>
<context>
    <name>EventRulesPanel</name>
    <message>
        <source>No sound</source>
        <translation>无声音</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>报警</translation>
    </message>
    <message>
        <source>Chime</source>
        <translation>提示音</translation>
    </message>
    <message>
        <source>Siren</source>
        <translation>警笛</translation>
    </message>
    <message numerus="yes">
        <source>%n rules</source>
        <translation>
            <numerusform>%n 条规则</numerusform>
        </translation>
    </message>
    <message>
        <source>New rule</source>
        <translation>新建规则</translation>
    </message>
    <message>
        <source>No rules yet</source>
        <translation>还没有规则</translation>
    </message>
    <message>
        <source>Choose a rule, or make a new one</source>
        <translation>选择一条规则，或新建一条</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>On</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Debounce (s)</source>
        <translation>防抖（秒）</translation>
    </message>
    <message>
        <source>When these events happen (none checked: any event)</source>
        <translation>当这些事件发生时（不勾选：任何事件）</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Do this</source>
        <translation>执行</translation>
    </message>
    <message>
        <source>Raise an alarm</source>
        <translation>产生报警</translation>
    </message>
    <message>
        <source>Show the camera on workstations</source>
        <translation>在工作站上显示摄像机</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>声音</translation>
    </message>
    <message>
        <source>Record the camera</source>
        <translation>对摄像机录像</translation>
    </message>
    <message>
        <source>Before (s)</source>
        <translation>之前（秒）</translation>
    </message>
    <message>
        <source>After (s)</source>
        <translation>之后（秒）</translation>
    </message>
    <message>
        <source>E-mail to (comma-separated; empty: none)</source>
        <translation>发送邮件至（逗号分隔；留空：不发送）</translation>
    </message>
    <message>
        <source>Syslog server over TLS (empty: none)</source>
        <translation>基于 TLS 的 Syslog 服务器（留空：无）</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Save rule</source>
        <translation>保存规则</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>From these cameras (none checked: any source)</source>
        <translation>来自这些摄像机（未勾选：任意来源）</translation>
    </message>
    <message>
        <source>From any source (no cameras on this site yet)</source>
        <translation>来自任意来源（此站点尚无摄像机）</translation>
    </message>
    <message>
        <source>When the rule works</source>
        <translation>规则生效时间</translation>
    </message>
    <message>
        <source>Always</source>
        <translation>始终</translation>
    </message>
    <message>
        <source>On chosen days</source>
        <translation>在选定的日期</translation>
    </message>
    <message>
        <source>Its own schedule</source>
        <translation>自有时间表</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Set through the API: %1. Choose &quot;On chosen days&quot; to replace it.</source>
        <translation>通过 API 设置：%1。选择“在选定的日期”以替换。</translation>
    </message>
    <message>
        <source>In the server&apos;s local time. From 22:00 to 06:00 goes on into the next morning; the same time twice is the whole day.</source>
        <translation>按服务器本地时间。从 22:00 到 06:00 会延续到次日早晨；两次相同的时间表示全天。</translation>
    </message>
    <message>
        <source>For users (empty: everyone)</source>
        <translation>仅限这些用户（留空：所有人）</translation>
    </message>
    <message>
        <source>user, user…</source>
        <translation>用户, 用户…</translation>
    </message>
    <message>
        <source>Move a PTZ camera</source>
        <translation>转动 PTZ 摄像机</translation>
    </message>
    <message>
        <source>No PTZ camera</source>
        <translation>无 PTZ 摄像机</translation>
    </message>
    <message>
        <source>To the preset</source>
        <translation>到预置位</translation>
    </message>
    <message>
        <source>Choose a preset</source>
        <translation>选择预置位</translation>
    </message>
    <message>
        <source>Load the other version</source>
        <translation>加载另一版本</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Waiting for the first figures from the server…</source>
        <translation>正在等待服务器的首批数据…</translation>
    </message>
    <message>
        <source>Not connected. Choose a site on the Sites page (Ctrl+2).</source>
        <translation>未连接。请在“站点”页面选择站点（Ctrl+2）。</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Processor</source>
        <translation>处理器</translation>
    </message>
    <message>
        <source>Memory used</source>
        <translation>已用内存</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>共 %1</translation>
    </message>
    <message>
        <source>Network in</source>
        <translation>网络接收</translation>
    </message>
    <message>
        <source>received, all interfaces</source>
        <translation>接收，所有网卡</translation>
    </message>
    <message>
        <source>Network out</source>
        <translation>网络发送</translation>
    </message>
    <message>
        <source>sent, all interfaces</source>
        <translation>发送，所有网卡</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>运行时间</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Vigil %1 · %2 server</source>
        <translation>Vigil %1 · %2 服务器</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>存储</translation>
    </message>
    <message>
        <source>free</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>Disks</source>
        <translation>磁盘</translation>
    </message>
    <message>
        <source>no figures yet</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Server ID</source>
        <translation>服务器 ID</translation>
    </message>
    <message>
        <source>Certificate authority (SHA-256, pinned)</source>
        <translation>证书颁发机构（SHA-256，已固定）</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>No service list yet</source>
        <translation>暂无服务列表</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>%1 online · %2 offline</source>
        <translation>%1 在线 · %2 离线</translation>
    </message>
    <message>
        <source>no device list yet</source>
        <translation>暂无设备列表</translation>
    </message>
    <message>
        <source>Events waiting</source>
        <translation>待处理事件</translation>
    </message>
    <message>
        <source>%1 in all · %2 handled</source>
        <translation>共 %1 · 已处理 %2</translation>
    </message>
    <message>
        <source>Recordings</source>
        <translation>录像</translation>
    </message>
    <message>
        <source>Server load, last 5 minutes</source>
        <translation>服务器负载（最近 5 分钟）</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>↓%1 ↑%2</source>
        <translation>↓%1 ↑%2</translation>
    </message>
    <message>
        <source>Mbit/s</source>
        <translation>Mbit/s</translation>
    </message>
    <message>
        <source>received</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>no event center yet</source>
        <translation>暂无事件中心</translation>
    </message>
</context>
<context>
    <name>LicencePage</name>
    <message>
        <source>Save the licence request file</source>
        <translation>保存许可证请求文件</translation>
    </message>
    <message>
        <source>Licence request (*.json)</source>
        <translation>许可证请求 (*.json)</translation>
    </message>
    <message>
        <source>Choose the activation file from the vendor</source>
        <translation>选择厂商提供的激活文件</translation>
    </message>
    <message>
        <source>Activation file (*.json)</source>
        <translation>激活文件 (*.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose the Express deactivation file</source>
        <translation>选择 Express 停用文件</translation>
    </message>
    <message>
        <source>Deactivation file (*.json)</source>
        <translation>停用文件 (*.json)</translation>
    </message>
    <message>
        <source>Save the Express deactivation file</source>
        <translation>保存 Express 停用文件</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>浏览...</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Reading the licence...</source>
        <translation>正在读取许可证...</translation>
    </message>
    <message>
        <source>Trial — %1</source>
        <translation>试用 — %1</translation>
    </message>
    <message>
        <source>The system clock was set back. Licence periods are counted from the latest time seen; correct the clock.</source>
        <translation>系统时钟被调回。许可证期限从见到的最晚时间起算；请校正时钟。</translation>
    </message>
    <message>
        <source>CHANNELS</source>
        <translation>通道</translation>
    </message>
    <message>
        <source>%1 of %2 in use</source>
        <translation>已用 %1 / %2</translation>
    </message>
    <message>
        <source>DETAILS</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Edition</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Licensee</source>
        <translation>被许可方</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>功能</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Upgraded from</source>
        <translation>升级自</translation>
    </message>
    <message>
        <source>Express %1</source>
        <translation>Express %1</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>机器</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>The vendor needs the machine and platform ids to move a licence. A licence survives a new network card or disk, not a new machine.</source>
        <translation>厂商需要机器 ID 和平台 ID 才能迁移许可证。更换网卡或硬盘后许可证仍然有效，更换机器则不然。</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>激活</translation>
    </message>
    <message>
        <source>Activation code</source>
        <translation>激活码</translation>
    </message>
    <message>
        <source>Upgrade from Express</source>
        <translation>从 Express 升级</translation>
    </message>
    <message>
        <source>A Pro upgrade code needs the Express activation code, or the Express deactivation file.</source>
        <translation>Pro 升级码需要 Express 激活码或 Express 停用文件。</translation>
    </message>
    <message>
        <source>Express activation code</source>
        <translation>Express 激活码</translation>
    </message>
    <message>
        <source>or the Express deactivation file</source>
        <translation>或 Express 停用文件</translation>
    </message>
    <message>
        <source>Activate online</source>
        <translation>在线激活</translation>
    </message>
    <message>
        <source>Online activation asks %1.</source>
        <translation>在线激活将询问 %1。</translation>
    </message>
    <message>
        <source>OFFLINE</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>1. Export a request file for the code above. 2. Give it to the vendor (their licence web page or e-mail). 3. Import the activation file they return.</source>
        <translation>1. 为上面的代码导出请求文件。2. 将其交给厂商（其许可证网页或电子邮件）。3. 导入厂商返回的激活文件。</translation>
    </message>
    <message>
        <source>Request file to save</source>
        <translation>要保存的请求文件</translation>
    </message>
    <message>
        <source>/path/to/licence-request.json</source>
        <translation>/路径/licence-request.json</translation>
    </message>
    <message>
        <source>Export request file</source>
        <translation>导出请求文件</translation>
    </message>
    <message>
        <source>Activation file from the vendor</source>
        <translation>厂商提供的激活文件</translation>
    </message>
    <message>
        <source>/path/to/activation.json</source>
        <translation>/路径/activation.json</translation>
    </message>
    <message>
        <source>Import activation file</source>
        <translation>导入激活文件</translation>
    </message>
    <message>
        <source>UPGRADE TO PRO</source>
        <translation>升级到 PRO</translation>
    </message>
    <message>
        <source>Upgrading on another machine? Deactivate this Express licence and take the deactivation file with you. This platform then runs on what is left of its trial.</source>
        <translation>在另一台机器上升级？请停用此 Express 许可证并带上停用文件。此平台随后使用剩余的试用期运行。</translation>
    </message>
    <message>
        <source>Deactivate Express...</source>
        <translation>停用 Express...</translation>
    </message>
</context>
<context>
    <name>LivePage</name>
    <message>
        <source>Snapshot saved to %1</source>
        <translation>抓图已保存到 %1</translation>
    </message>
    <message>
        <source>No picture to save yet from %1.</source>
        <translation>%1 暂无可保存的画面。</translation>
    </message>
    <message>
        <source>Unsaved layout</source>
        <translation>未保存的布局</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>New layout name</source>
        <translation>新布局名称</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Stop tour</source>
        <translation>停止轮巡</translation>
    </message>
    <message>
        <source>Tour</source>
        <translation>轮巡</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <source>Other screen</source>
        <translation>其他屏幕</translation>
    </message>
    <message>
        <source>Vigil — %1</source>
        <translation>Vigil — %1</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实时预览</translation>
    </message>
    <message>
        <source>Keep in layout (K)</source>
        <translation>保留在布局中 (K)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
</context>
<context>
    <name>LocalFilesPage</name>
    <message>
        <source>Remove this file?</source>
        <translation>删除此文件？</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>%1 goes to the trash of this computer, where it can be restored.</source>
        <translation>%1 将移到本机的回收站，可从中恢复。</translation>
    </message>
    <message>
        <source>All (%1)</source>
        <translation>全部（%1）</translation>
    </message>
    <message>
        <source>Snapshots (%1)</source>
        <translation>抓图（%1）</translation>
    </message>
    <message>
        <source>Clips (%1)</source>
        <translation>片段（%1）</translation>
    </message>
    <message>
        <source>Snapshot folder</source>
        <translation>抓图文件夹</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>导出文件夹</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>No snapshots or clips yet. Snapshots taken in Live go to %1, exported clips to %2.</source>
        <translation>暂无抓图或片段。实时预览中的抓图保存到 %1，导出的片段保存到 %2。</translation>
    </message>
    <message>
        <source>Clip</source>
        <translation>片段</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>抓图</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>空格</translation>
    </message>
    <message>
        <source>Open with the system&apos;s player</source>
        <translation>用系统播放器打开</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Workstation locked</source>
        <translation>工作站已锁定</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2). Enter this user&apos;s password to continue.</source>
        <translation>当前登录用户：%1（%2）。请输入该用户的密码以继续。</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>站点：%1</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Other site…</source>
        <translation>其他站点…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>About Vigil</source>
        <translation>关于 Vigil</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Vigil %1 — video management workstation</source>
        <translation>Vigil %1 — 视频管理工作站</translation>
    </message>
    <message>
        <source>No alarms waiting: open the Event Center</source>
        <translation>没有待处理的报警：打开事件中心</translation>
    </message>
    <message>
        <source>Alarm sound is on: turn it off</source>
        <translation>报警声音已开启：点击关闭</translation>
    </message>
    <message>
        <source>Alarm sound is off: turn it on</source>
        <translation>报警声音已关闭：点击开启</translation>
    </message>
    <message>
        <source>Lock the workstation</source>
        <translation>锁定工作站</translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation>修改密码…</translation>
    </message>
    <message>
        <source>Workstation settings</source>
        <translation>工作站设置</translation>
    </message>
    <message>
        <source>Local files</source>
        <translation>本地文件</translation>
    </message>
    <message>
        <source>Lock workstation</source>
        <translation>锁定工作站</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>%1 alarms waiting: open the Event Center</source>
        <translation>%1 条报警待处理：打开事件中心</translation>
    </message>
    <message>
        <source>1 alarm waiting: open the Event Center</source>
        <translation>1 条报警待处理：打开事件中心</translation>
    </message>
    <message>
        <source>%1 — %2, %3 of %4 channels in use. Open the Licence page (Ctrl+9) to activate.</source>
        <translation>%1 — %2，已用 %3 / %4 个通道。打开许可证页面（Ctrl+9）进行激活。</translation>
    </message>
    <message>
        <source>Trial</source>
        <translation>试用</translation>
    </message>
</context>
<context>
    <name>MotionDialog</name>
    <message>
        <source>Motion detection · %1</source>
        <translation>移动侦测 · %1</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>MOTION</source>
        <translation>移动</translation>
    </message>
    <message>
        <source>Server-side motion detection</source>
        <translation>服务器端移动侦测</translation>
    </message>
    <message>
        <source>For cameras that report no motion themselves. Motion events work in rules like a camera&apos;s own.</source>
        <translation>适用于自身不报告移动的摄像机。移动事件在规则中与摄像机自身的事件一样起作用。</translation>
    </message>
    <message>
        <source>Sensitivity: %1</source>
        <translation>灵敏度：%1</translation>
    </message>
    <message>
        <source>Low: only large, strong changes count. High: small, faint ones too.</source>
        <translation>低：只有大而明显的变化才算。高：小而微弱的变化也算。</translation>
    </message>
    <message>
        <source>DETECTOR</source>
        <translation>侦测器</translation>
    </message>
    <message>
        <source>Reading the settings…</source>
        <translation>正在读取设置…</translation>
    </message>
    <message>
        <source>REGIONS</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>%1 of %2 cells count.</source>
        <translation>%2 个单元格中有 %1 个生效。</translation>
    </message>
    <message>
        <source>Drag over the picture: starting on an empty cell marks cells where motion counts, starting on a marked one clears them. Arrows and Space work too.</source>
        <translation>在画面上拖动：从空单元格开始拖动会标记移动生效的单元格，从已标记的单元格开始则清除它们。也可以用方向键和空格键。</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Motion counts everywhere in the picture</source>
        <translation>画面中任何位置的移动都生效</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Clear every cell, then mark the ones that matter</source>
        <translation>清除所有单元格，然后标记需要的单元格</translation>
    </message>
    <message>
        <source>Unsaved changes.</source>
        <translation>有未保存的更改。</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Back to what the server holds</source>
        <translation>恢复为服务器上的设置</translation>
    </message>
</context>
<context>
    <name>OnlineUsersPage</name>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>开始于</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最后活动</translation>
    </message>
    <message>
        <source>End the session of %1?</source>
        <translation>结束 %1 的会话？</translation>
    </message>
    <message>
        <source>End session</source>
        <translation>结束会话</translation>
    </message>
    <message>
        <source>Their client is told at once and returns to its sign-in screen. They can sign in again unless their account is disabled.</source>
        <translation>对方客户端会立即收到通知并返回登录界面。只要账户未被禁用，对方可以重新登录。</translation>
    </message>
    <message>
        <source>1 open session</source>
        <translation>1 个在线会话</translation>
    </message>
    <message>
        <source>%1 open sessions</source>
        <translation>%1 个在线会话</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1（您）</translation>
    </message>
    <message>
        <source>Loading sessions…</source>
        <translation>正在加载会话…</translation>
    </message>
    <message>
        <source>No open sessions</source>
        <translation>没有在线会话</translation>
    </message>
</context>
<context>
    <name>PlaybackPage</name>
    <message>
        <source>Cameras</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <source>Choose one or several; they play in step.</source>
        <translation>选择一个或多个；它们同步播放。</translation>
    </message>
    <message>
        <source>No cameras yet. Add one on the Devices page.</source>
        <translation>还没有摄像机。请在设备页面添加。</translation>
    </message>
    <message>
        <source>Choose a camera on the left to play its recordings.</source>
        <translation>在左侧选择摄像机以回放其录像。</translation>
    </message>
    <message>
        <source>A frame back (,)</source>
        <translation>后退一帧 (,)</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>播放（空格）</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>暂停（空格）</translation>
    </message>
    <message>
        <source>A frame forward (.)</source>
        <translation>前进一帧 (.)</translation>
    </message>
    <message>
        <source>Backwards at %1× (J slower, L faster)</source>
        <translation>以 %1× 倒放（J 减速，L 加速）</translation>
    </message>
    <message>
        <source>%1× (J slower, L faster)</source>
        <translation>%1×（J 减速，L 加速）</translation>
    </message>
    <message>
        <source>2026-11-23 14:30:00</source>
        <translation>2026-11-23 14:30:00</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>跳转</translation>
    </message>
    <message>
        <source>Select range</source>
        <translation>选择范围</translation>
    </message>
    <message>
        <source>Drag on the timeline to select (or Shift+drag; [ and ] at the playhead)</source>
        <translation>在时间轴上拖动以选择（或 Shift+拖动；在播放头处按 [ 和 ]）</translation>
    </message>
    <message>
        <source>Selected %1 – %2 (%3)</source>
        <translation>已选择 %1 – %2（%3）</translation>
    </message>
    <message>
        <source>No range selected</source>
        <translation>未选择范围</translation>
    </message>
    <message numerus="yes">
        <source>Export %n clip(s) (Ctrl+X)</source>
        <translation>
            <numerusform>导出 %n 个片段（Ctrl+X）</numerusform>
        </translation>
    </message>
    <message>
        <source>Export clip (Ctrl+X)</source>
        <translation>导出片段（Ctrl+X）</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>%1 分钟前</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>%1 小时前</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Failed sign-in</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>Lockout</source>
        <translation>账户锁定</translation>
    </message>
    <message>
        <source>Sign-out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Session ended</source>
        <translation>会话已结束</translation>
    </message>
    <message>
        <source>Session expired</source>
        <translation>会话已过期</translation>
    </message>
    <message>
        <source>User created</source>
        <translation>已创建用户</translation>
    </message>
    <message>
        <source>User changed</source>
        <translation>已修改用户</translation>
    </message>
    <message>
        <source>User deleted</source>
        <translation>已删除用户</translation>
    </message>
    <message>
        <source>Role created</source>
        <translation>已创建角色</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>已修改角色</translation>
    </message>
    <message>
        <source>Role deleted</source>
        <translation>已删除角色</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>密码已修改</translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation>设置已修改</translation>
    </message>
    <message>
        <source>Address filter changed</source>
        <translation>地址过滤已修改</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>密码重置</translation>
    </message>
    <message>
        <source>Site set up</source>
        <translation>站点已初始化</translation>
    </message>
    <message>
        <source>Service started, stopped or restarted</source>
        <translation>服务已启动、停止或重启</translation>
    </message>
    <message>
        <source>port %1</source>
        <translation>端口 %1</translation>
    </message>
    <message>
        <source>An administrator ended your session. Sign in again to continue.</source>
        <translation>管理员结束了您的会话。请重新登录以继续。</translation>
    </message>
    <message>
        <source>Your session expired. Sign in again to continue.</source>
        <translation>您的会话已过期。请重新登录以继续。</translation>
    </message>
    <message>
        <source>Your account was disabled by an administrator, so your session ended.</source>
        <translation>管理员已禁用您的账户，会话随之结束。</translation>
    </message>
    <message>
        <source>Your account was deleted by an administrator, so your session ended.</source>
        <translation>管理员已删除您的账户，会话随之结束。</translation>
    </message>
    <message>
        <source>Your password was changed from another session, so this one ended. Sign in with the new password.</source>
        <translation>您的密码已在另一个会话中修改，本会话随之结束。请使用新密码登录。</translation>
    </message>
    <message>
        <source>This session was signed out elsewhere. Sign in again to continue.</source>
        <translation>此会话已在别处退出登录。请重新登录以继续。</translation>
    </message>
    <message>
        <source>The server ended your session. Sign in again.</source>
        <translation>服务器结束了您的会话。请重新登录。</translation>
    </message>
    <message>
        <source>The server ended your session (%1). Sign in again.</source>
        <translation>服务器结束了您的会话（%1）。请重新登录。</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>工作站</translation>
    </message>
    <message>
        <source>Web client</source>
        <translation>Web 客户端</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
</context>
<context>
    <name>RolesPage</name>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>权限</translation>
    </message>
    <message>
        <source>Delete the role %1?</source>
        <translation>删除角色 %1？</translation>
    </message>
    <message>
        <source>Delete role</source>
        <translation>删除角色</translation>
    </message>
    <message>
        <source>Users who have this role must be given another one first; the server refuses otherwise.</source>
        <translation>必须先为拥有此角色的用户指定其他角色，否则服务器会拒绝删除。</translation>
    </message>
    <message>
        <source>1 role</source>
        <translation>1 个角色</translation>
    </message>
    <message>
        <source>%1 roles</source>
        <translation>%1 个角色</translation>
    </message>
    <message>
        <source>New role</source>
        <translation>新建角色</translation>
    </message>
    <message>
        <source>Built-in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Loading roles…</source>
        <translation>正在加载角色…</translation>
    </message>
    <message>
        <source>No roles to show</source>
        <translation>没有可显示的角色</translation>
    </message>
    <message>
        <source>Built-in roles are fixed so that upgrades can rely on them. Make a new role to grant a different set.</source>
        <translation>内置角色不可修改，以保证升级时可靠。如需不同的权限组合，请新建角色。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>PERMISSIONS</source>
        <translation>权限</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Create role</source>
        <translation>创建角色</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>SecurityLogPage</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Export the security log</source>
        <translation>导出安全日志</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>All entries matching the current search are written, not only the ones on screen.</source>
        <translation>将写入符合当前搜索条件的全部条目，而不仅是屏幕上显示的条目。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>any user</source>
        <translation>任意用户</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>No entries match</source>
        <translation>没有匹配的条目</translation>
    </message>
</context>
<context>
    <name>SecuritySettingsPage</name>
    <message>
        <source>Refuse this workstation?</source>
        <translation>拒绝本工作站？</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>仍然保存</translation>
    </message>
    <message>
        <source>Sign-in protection</source>
        <translation>登录保护</translation>
    </message>
    <message>
        <source>LOCKOUT AFTER FAILED SIGN-INS</source>
        <translation>登录失败后锁定</translation>
    </message>
    <message>
        <source>Failed attempts</source>
        <translation>失败次数</translation>
    </message>
    <message>
        <source>Within (minutes)</source>
        <translation>时间范围（分钟）</translation>
    </message>
    <message>
        <source>Lock for (minutes)</source>
        <translation>锁定时长（分钟）</translation>
    </message>
    <message>
        <source>SESSIONS</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Idle timeout (minutes)</source>
        <translation>空闲超时（分钟）</translation>
    </message>
    <message>
        <source>Absolute timeout (minutes)</source>
        <translation>绝对超时（分钟）</translation>
    </message>
    <message>
        <source>Most on the platform</source>
        <translation>平台最大会话数</translation>
    </message>
    <message>
        <source>Most per user</source>
        <translation>每用户最大会话数</translation>
    </message>
    <message>
        <source>PASSWORDS AND WORKSTATIONS</source>
        <translation>密码与工作站</translation>
    </message>
    <message>
        <source>Password expiry (days)</source>
        <translation>密码有效期（天）</translation>
    </message>
    <message>
        <source>Auto-lock (minutes)</source>
        <translation>自动锁定（分钟）</translation>
    </message>
    <message>
        <source>0 means never, for both. To make one user change the password at the next sign-in, tick it in that user&apos;s editor on the Users page.</source>
        <translation>两项均以 0 表示永不。若要某个用户在下次登录时修改密码，请在“用户”页面该用户的编辑器中勾选。</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>密码重置</translation>
    </message>
    <message>
        <source>Users may reset a forgotten password with an e-mailed code.</source>
        <translation>用户可以通过邮件验证码重置遗忘的密码。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Address filter</source>
        <translation>地址过滤</translation>
    </message>
    <message>
        <source>Which client addresses may connect. The console (127.0.0.1, ::1) is always admitted.</source>
        <translation>允许哪些客户端地址连接。本机控制台（127.0.0.1、::1）始终允许。</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>ENTRIES, ONE PER LINE</source>
        <translation>条目，每行一个</translation>
    </message>
    <message>
        <source>Addresses, CIDR ranges or inclusive ranges.</source>
        <translation>地址、CIDR 网段或起止范围。</translation>
    </message>
    <message>
        <source>E-mail for password reset</source>
        <translation>密码重置邮件</translation>
    </message>
    <message>
        <source>Changing the mail server needs the system settings permission.</source>
        <translation>修改邮件服务器需要“系统设置”权限。</translation>
    </message>
    <message>
        <source>SMTP server</source>
        <translation>SMTP 服务器</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>安全</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>A password is stored</source>
        <translation>已保存密码</translation>
    </message>
    <message>
        <source>Remove the stored password</source>
        <translation>删除已保存的密码</translation>
    </message>
    <message>
        <source>Leave the field empty and this unticked to keep it.</source>
        <translation>留空此字段并且不勾选此项即可保留原密码。</translation>
    </message>
    <message>
        <source>From address</source>
        <translation>发件人地址</translation>
    </message>
    <message>
        <source>EXTRA CA CERTIFICATE (PEM, OPTIONAL)</source>
        <translation>附加 CA 证书（PEM，可选）</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <source>Send test e-mail</source>
        <translation>发送测试邮件</translation>
    </message>
</context>
<context>
    <name>SecurityWizard</name>
    <message>
        <source>Judge from the site&apos;s size</source>
        <translation>按站点规模判断</translation>
    </message>
    <message>
        <source>Vigil counts the cameras and user accounts and picks the level.</source>
        <translation>Vigil 统计摄像机和用户账户数量并选择等级。</translation>
    </message>
    <message>
        <source>Home or very small office</source>
        <translation>家庭或微型办公室</translation>
    </message>
    <message>
        <source>A few cameras looked after by one person.</source>
        <translation>少量摄像机，由一人管理。</translation>
    </message>
    <message>
        <source>Small business or shop</source>
        <translation>小型企业或商店</translation>
    </message>
    <message>
        <source>One site, a handful of staff watching.</source>
        <translation>单一站点，少数人员值守。</translation>
    </message>
    <message>
        <source>Medium-sized organisation</source>
        <translation>中型机构</translation>
    </message>
    <message>
        <source>Several operators, cameras on a shared company network.</source>
        <translation>多名操作员，摄像机位于共享的企业网络。</translation>
    </message>
    <message>
        <source>Large organisation or campus</source>
        <translation>大型机构或园区</translation>
    </message>
    <message>
        <source>Many operators and sites, a security team, auditors.</source>
        <translation>众多操作员和站点，设有安保团队和审计人员。</translation>
    </message>
    <message>
        <source>Critical infrastructure or public service</source>
        <translation>关键基础设施或公共服务</translation>
    </message>
    <message>
        <source>Energy, transport, water, health, government.</source>
        <translation>能源、交通、水务、医疗、政府。</translation>
    </message>
    <message>
        <source>Essential</source>
        <translation>基础</translation>
    </message>
    <message>
        <source>The baseline every site needs: strong passwords and lockout, HTTPS only, an encrypted database, synchronised clocks, current software and nothing open that is not needed.</source>
        <translation>每个站点都需要的基线：强密码与登录锁定、仅限 HTTPS、加密数据库、时钟同步、软件保持最新，且不开放任何不需要的服务。</translation>
    </message>
    <message>
        <source>Enhanced</source>
        <translation>增强</translation>
    </message>
    <message>
        <source>Adds least-privilege accounts, address filtering, a trusted certificate, encrypted video on every leg, configuration backups and recordings kept in two places.</source>
        <translation>增加最小权限账户、地址过滤、受信任的证书、全链路视频加密、配置备份以及录像双处存储。</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高级</translation>
    </message>
    <message>
        <source>Adds protection around the system: logs sent off the server, 802.1X, cameras on their own network, standby servers and physical protection of the devices.</source>
        <translation>增加系统外围防护：日志外发至其他服务器、802.1X、摄像机独立组网、备用服务器以及设备的物理防护。</translation>
    </message>
</context>
<context>
    <name>SecurityWizardPage</name>
    <message>
        <source>Choose a level</source>
        <translation>选择等级</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>Apply fixes</source>
        <translation>应用修复</translation>
    </message>
    <message>
        <source>Report and schedule</source>
        <translation>报告与计划</translation>
    </message>
    <message>
        <source>Back (Alt+B)</source>
        <translation>上一步 (Alt+B)</translation>
    </message>
    <message>
        <source>Step 1 of 4: the level is saved as the site&apos;s chosen level when you go on.</source>
        <translation>第 1 步，共 4 步：继续时，该等级将保存为站点所选等级。</translation>
    </message>
    <message>
        <source>Step 2 of 4: walk the items; tick the fixes to apply, confirm what only a person can check.</source>
        <translation>第 2 步，共 4 步：逐项查看；勾选要应用的修复，确认只能由人工检查的项目。</translation>
    </message>
    <message>
        <source>Step 3 of 4: the server backs up the configuration before it changes anything.</source>
        <translation>第 3 步，共 4 步：服务器在进行任何更改之前先备份配置。</translation>
    </message>
    <message>
        <source>Step 4 of 4: keep the report for your auditor, and let the server audit again on a schedule.</source>
        <translation>第 4 步，共 4 步：保存报告供审计人员查阅，并让服务器按计划重新审计。</translation>
    </message>
    <message>
        <source>Audit level %1 (Alt+N)</source>
        <translation>审计等级 %1 (Alt+N)</translation>
    </message>
    <message>
        <source>Review fixes (Alt+N)</source>
        <translation>查看修复 (Alt+N)</translation>
    </message>
    <message>
        <source>Report (Alt+N)</source>
        <translation>报告 (Alt+N)</translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <source>Set up this site</source>
        <translation>初始化此站点</translation>
    </message>
    <message>
        <source>This Vigil server is new. Create its administrator account and the means to recover it. Nothing else works until this is done.</source>
        <translation>这是一台新的 Vigil 服务器。请创建管理员账户及其找回方式。完成之前其他功能均不可用。</translation>
    </message>
    <message>
        <source>ADMINISTRATOR</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>for example admin</source>
        <translation>例如 admin</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>RECOVERY</source>
        <translation>找回</translation>
    </message>
    <message>
        <source>Reserved e-mail for password reset</source>
        <translation>用于重置密码的预留邮箱</translation>
    </message>
    <message>
        <source>Three questions only the administrator can answer. The answers are stored hashed and allow a reset at this server&apos;s own screen.</source>
        <translation>三个只有管理员能回答的问题。答案以哈希形式保存，可在本服务器自身的屏幕上用于重置。</translation>
    </message>
    <message>
        <source>Security question 1</source>
        <translation>安全问题 1</translation>
    </message>
    <message>
        <source>for example: the street you grew up on?</source>
        <translation>例如：您长大的那条街叫什么？</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>Security question 2</source>
        <translation>安全问题 2</translation>
    </message>
    <message>
        <source>for example: your first employer?</source>
        <translation>例如：您的第一个雇主？</translation>
    </message>
    <message>
        <source>Security question 3</source>
        <translation>安全问题 3</translation>
    </message>
    <message>
        <source>for example: a teacher you remember?</source>
        <translation>例如：一位您记得的老师？</translation>
    </message>
    <message>
        <source>Enter creates the site&apos;s administrator.</source>
        <translation>按回车创建站点管理员。</translation>
    </message>
    <message>
        <source>Setting up…</source>
        <translation>正在初始化…</translation>
    </message>
    <message>
        <source>Create administrator</source>
        <translation>创建管理员</translation>
    </message>
</context>
<context>
    <name>SitePage</name>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>This computer (standalone)</source>
        <translation>本机（单机模式）</translation>
    </message>
    <message>
        <source>The server built into this workstation</source>
        <translation>本工作站内置的服务器</translation>
    </message>
    <message>
        <source>Remembered servers</source>
        <translation>已记住的服务器</translation>
    </message>
    <message>
        <source>None yet. Servers you connect to appear here.</source>
        <translation>暂无。连接过的服务器会显示在这里。</translation>
    </message>
    <message>
        <source>Connect to a server</source>
        <translation>连接服务器</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>server name or IP address</source>
        <translation>服务器名称或 IP 地址</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Certificate authority %1</source>
        <translation>证书颁发机构 %1</translation>
    </message>
    <message>
        <source>Forget this site</source>
        <translation>忘记此站点</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
</context>
<context>
    <name>TrustDialog</name>
    <message>
        <source>Trust %1?</source>
        <translation>信任 %1？</translation>
    </message>
    <message>
        <source>This is the first connection to this server. From now on it is recognised by its certificate authority. Compare the fingerprint below with the one the server shows (on its console or from the site&apos;s administrator) before you trust it.</source>
        <translation>这是首次连接此服务器。此后将通过其证书颁发机构识别它。信任之前，请将下面的指纹与服务器显示的指纹（在其控制台上或向站点管理员索取）进行比对。</translation>
    </message>
    <message>
        <source>Authority: %1</source>
        <translation>颁发机构：%1</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256 指纹</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>信任</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <source>Delete %1?</source>
        <translation>删除 %1？</translation>
    </message>
    <message>
        <source>Delete user</source>
        <translation>删除用户</translation>
    </message>
    <message>
        <source>The account and its sessions end now. The security log keeps what it did.</source>
        <translation>该账户及其会话将立即结束。安全日志会保留其操作记录。</translation>
    </message>
    <message>
        <source>1 user</source>
        <translation>1 个用户</translation>
    </message>
    <message>
        <source>%1 users</source>
        <translation>%1 个用户</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <source>Loading users…</source>
        <translation>正在加载用户…</translation>
    </message>
    <message>
        <source>No users to show</source>
        <translation>没有可显示的用户</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>失效日期</translation>
    </message>
    <message>
        <source>Allowed client addresses (empty: any)</source>
        <translation>允许的客户端地址（留空：任意）</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>A disabled user cannot sign in.</source>
        <translation>被禁用的用户无法登录。</translation>
    </message>
    <message>
        <source>Must change password at next sign-in</source>
        <translation>下次登录时必须修改密码</translation>
    </message>
    <message>
        <source>PASSWORD</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>NEW PASSWORD (EMPTY: UNCHANGED)</source>
        <translation>新密码（留空：不修改）</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Create user</source>
        <translation>创建用户</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>VAuthFrame</name>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>VButton</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>VDeviceTree</name>
    <message>
        <source>Search cameras</source>
        <translation>搜索摄像机</translation>
    </message>
    <message>
        <source>No camera matches “%1”.</source>
        <translation>没有与“%1”匹配的摄像机。</translation>
    </message>
    <message>
        <source>No cameras yet. Add them on the Devices page.</source>
        <translation>暂无摄像机。请在“设备”页面添加。</translation>
    </message>
</context>
<context>
    <name>VDialog</name>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>VIconButton</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>VLiveTile</name>
    <message>
        <source>Drop a camera here</source>
        <translation>将摄像机拖放到此处</translation>
    </message>
    <message>
        <source>The video component is missing from this installation.</source>
        <translation>此安装缺少视频组件。</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>replay</source>
        <translation>回放</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>抓图</translation>
    </message>
    <message>
        <source>Back to live</source>
        <translation>返回实时</translation>
    </message>
    <message>
        <source>Instant replay (last 30 s)</source>
        <translation>即时回放（最近 30 秒）</translation>
    </message>
    <message>
        <source>Full screen (F)</source>
        <translation>全屏 (F)</translation>
    </message>
    <message>
        <source>Clear tile (Delete)</source>
        <translation>清空窗格 (Delete)</translation>
    </message>
</context>
<context>
    <name>VNavButton</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>VPtzPanel</name>
    <message>
        <source>PTZ · %1</source>
        <translation>云台 · %1</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>变倍</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>预置位</translation>
    </message>
    <message>
        <source>New preset</source>
        <translation>新建预置位</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>VStrengthMeter</name>
    <message>
        <source>Strength: high</source>
        <translation>强度：高</translation>
    </message>
    <message>
        <source>Strength: medium</source>
        <translation>强度：中</translation>
    </message>
    <message>
        <source>Strength: low</source>
        <translation>强度：低</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>符合要求</translation>
    </message>
    <message>
        <source>not accepted</source>
        <translation>不符合要求</translation>
    </message>
</context>
<context>
    <name>VTimeline</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>缩小 (-)</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>放大 (+)</translation>
    </message>
    <message>
        <source>1 min</source>
        <translation>1 分钟</translation>
    </message>
    <message>
        <source>10 min</source>
        <translation>10 分钟</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 天</translation>
    </message>
    <message>
        <source>1 week</source>
        <translation>1 周</translation>
    </message>
    <message>
        <source>1 month</source>
        <translation>1 个月</translation>
    </message>
    <message>
        <source>Not recorded %1 – %2: %3</source>
        <translation>未录像 %1 – %2：%3</translation>
    </message>
</context>
<context>
    <name>WizardAuditStep</name>
    <message>
        <source>Not audited</source>
        <translation>未审计</translation>
    </message>
    <message>
        <source>Level %1 met</source>
        <translation>已达到等级 %1</translation>
    </message>
    <message>
        <source>Level %1 not met</source>
        <translation>未达到等级 %1</translation>
    </message>
    <message>
        <source>%1 pass</source>
        <translation>%1 项通过</translation>
    </message>
    <message>
        <source>%1 fail</source>
        <translation>%1 项未通过</translation>
    </message>
    <message>
        <source>%1 confirmed</source>
        <translation>%1 项已确认</translation>
    </message>
    <message>
        <source>%1 not applicable</source>
        <translation>%1 项不适用</translation>
    </message>
    <message>
        <source>%1 not checked</source>
        <translation>%1 项未检查</translation>
    </message>
    <message>
        <source>Audit again (F5)</source>
        <translation>重新审计 (F5)</translation>
    </message>
    <message>
        <source>Audit (F5)</source>
        <translation>审计 (F5)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <source>Filter items (Ctrl+F)</source>
        <translation>筛选项目 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>需要关注</translation>
    </message>
    <message>
        <source>LEVEL %1</source>
        <translation>等级 %1</translation>
    </message>
    <message>
        <source>cameras</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <source>platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>a person confirms</source>
        <translation>人工确认</translation>
    </message>
    <message>
        <source>✓ fix</source>
        <translation>✓ 修复</translation>
    </message>
    <message>
        <source>fix</source>
        <translation>修复</translation>
    </message>
    <message>
        <source>No item matches the filter.</source>
        <translation>没有符合筛选条件的项目。</translation>
    </message>
    <message>
        <source>Loading the items…</source>
        <translation>正在加载项目…</translation>
    </message>
    <message>
        <source>%1 · level %2 · %3</source>
        <translation>%1 · 等级 %2 · %3</translation>
    </message>
    <message>
        <source>confirmed by a person</source>
        <translation>由人工确认</translation>
    </message>
    <message>
        <source>checked on every camera</source>
        <translation>在每台摄像机上检查</translation>
    </message>
    <message>
        <source>checked on the platform</source>
        <translation>在平台上检查</translation>
    </message>
    <message>
        <source>Why it matters</source>
        <translation>为何重要</translation>
    </message>
    <message>
        <source>What the audit saw</source>
        <translation>审计发现</translation>
    </message>
    <message>
        <source>No check for this item in this version yet, so it cannot count as met.</source>
        <translation>此版本尚未提供该项目的检查，因此不能算作达标。</translation>
    </message>
    <message>
        <source>Not audited yet. Run the audit (F5).</source>
        <translation>尚未审计。请运行审计 (F5)。</translation>
    </message>
    <message>
        <source>Vigil can fix this</source>
        <translation>Vigil 可以修复此项</translation>
    </message>
    <message>
        <source>Apply in step 3 (Space)</source>
        <translation>在第 3 步应用 (空格键)</translation>
    </message>
    <message>
        <source>Fix now (Ctrl+Enter)</source>
        <translation>立即修复 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Confirmed by a person</source>
        <translation>已由人工确认</translation>
    </message>
    <message>
        <source>No software can see this. Check it on site, then confirm it here as %1: your name, the time and your comment are kept and printed in the report.</source>
        <translation>软件无法检测此项。请到现场检查，然后以 %1 的身份在此确认：您的姓名、时间和备注将被保存并打印在报告中。</translation>
    </message>
    <message>
        <source>What you checked, and how</source>
        <translation>您检查了什么以及如何检查</translation>
    </message>
    <message>
        <source>e.g. walked the site: every camera is on VLAN 30</source>
        <translation>例如：已巡查现场，所有摄像机均在 VLAN 30</translation>
    </message>
    <message>
        <source>Confirm again</source>
        <translation>再次确认</translation>
    </message>
    <message>
        <source>Confirm (Enter)</source>
        <translation>确认 (Enter)</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>The server changes the setting through the same checks as the settings pages, after a configuration backup, and records it in the security log.</source>
        <translation>服务器先备份配置，再以与设置页面相同的校验更改该设置，并记录到安全日志。</translation>
    </message>
</context>
<context>
    <name>WizardFixStep</name>
    <message>
        <source>Chosen fixes</source>
        <translation>已选修复</translation>
    </message>
    <message>
        <source>Untick what you do not want changed. Fixes are chosen in step 2 (Space on an item).</source>
        <translation>取消勾选不希望更改的项目。修复在第 2 步中选择（在项目上按空格键）。</translation>
    </message>
    <message>
        <source>No fix waiting. After each audit, every failing item that Vigil can mend is listed here, chosen.</source>
        <translation>没有待处理的修复。每次审计后，Vigil 能修复的所有未通过项目都会列在此处并默认选中。</translation>
    </message>
    <message>
        <source>Before it changes anything, the server takes a configuration backup: restoring it undoes every fix.</source>
        <translation>在进行任何更改前，服务器会先备份配置：恢复该备份即可撤销所有修复。</translation>
    </message>
    <message>
        <source>Backup passphrase (empty: the backup schedule&apos;s)</source>
        <translation>备份口令（留空：使用备份计划的口令）</translation>
    </message>
    <message>
        <source>10 characters or more; a restore asks for it.</source>
        <translation>至少 10 个字符；恢复时需要输入。</translation>
    </message>
    <message>
        <source>Apply again with the passphrase (Enter)</source>
        <translation>使用该口令重新应用 (Enter)</translation>
    </message>
    <message>
        <source>Apply the chosen fixes: %1 (Ctrl+Enter)</source>
        <translation>应用所选修复：%1 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>更改内容</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Nothing needed changing.</source>
        <translation>无需任何更改。</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>未应用：%1</translation>
    </message>
    <message>
        <source>Nothing applied yet.</source>
        <translation>尚未应用任何修复。</translation>
    </message>
</context>
<context>
    <name>WizardLevelStep</name>
    <message>
        <source>What kind of site is this?</source>
        <translation>这是什么类型的站点？</translation>
    </message>
    <message>
        <source>Up and Down choose.</source>
        <translation>用上下键选择。</translation>
    </message>
    <message>
        <source>Cameras</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <source>from the devices list</source>
        <translation>来自设备列表</translation>
    </message>
    <message>
        <source>User accounts</source>
        <translation>用户账户</translation>
    </message>
    <message>
        <source>people who can sign in</source>
        <translation>可登录的人员</translation>
    </message>
    <message>
        <source>RECOMMENDED</source>
        <translation>推荐</translation>
    </message>
    <message>
        <source>Level %1</source>
        <translation>等级 %1</translation>
    </message>
    <message>
        <source>Choose the level to keep (1, 2, 3). Each level includes everything below it.</source>
        <translation>选择要保持的等级 (1、2、3)。每个等级都包含其以下等级的全部要求。</translation>
    </message>
    <message>
        <source>Recommended</source>
        <translation>推荐</translation>
    </message>
    <message>
        <source>WHAT IT CHECKS</source>
        <translation>检查内容</translation>
    </message>
    <message>
        <source>WHAT IT ADDS</source>
        <translation>新增内容</translation>
    </message>
    <message>
        <source>Items to audit at this level: %1</source>
        <translation>此等级需审计的项目：%1</translation>
    </message>
    <message>
        <source>The site&apos;s chosen level today: %1.</source>
        <translation>站点当前所选等级：%1。</translation>
    </message>
</context>
<context>
    <name>WizardReportStep</name>
    <message>
        <source>Report for your auditor</source>
        <translation>供审计人员查阅的报告</translation>
    </message>
    <message>
        <source>The level, every item with its state and evidence, who confirmed what and when, the date and who made it: as a PDF to file and an HTML page to read or mail.</source>
        <translation>包括等级、每个项目的状态与证据、谁在何时确认了什么、日期及生成人：以 PDF 存档，并生成可阅读或邮寄的 HTML 页面。</translation>
    </message>
    <message>
        <source>Not audited</source>
        <translation>未审计</translation>
    </message>
    <message>
        <source>Level %1 met</source>
        <translation>已达到等级 %1</translation>
    </message>
    <message>
        <source>Level %1 not met</source>
        <translation>未达到等级 %1</translation>
    </message>
    <message>
        <source>%1 pass</source>
        <translation>%1 项通过</translation>
    </message>
    <message>
        <source>%1 fail</source>
        <translation>%1 项未通过</translation>
    </message>
    <message>
        <source>%1 confirmed</source>
        <translation>%1 项已确认</translation>
    </message>
    <message>
        <source>%1 not applicable</source>
        <translation>%1 项不适用</translation>
    </message>
    <message>
        <source>%1 not checked</source>
        <translation>%1 项未检查</translation>
    </message>
    <message>
        <source>Save into this folder</source>
        <translation>保存到此文件夹</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Save PDF and HTML (Ctrl+S)</source>
        <translation>保存 PDF 和 HTML (Ctrl+S)</translation>
    </message>
    <message>
        <source>Open report (Ctrl+O)</source>
        <translation>打开报告 (Ctrl+O)</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Keep the level</source>
        <translation>保持等级</translation>
    </message>
    <message>
        <source>The site&apos;s chosen level (Alt+L)</source>
        <translation>站点所选等级 (Alt+L)</translation>
    </message>
    <message>
        <source>Level %1 — %2</source>
        <translation>等级 %1 — %2</translation>
    </message>
    <message>
        <source>Audit again automatically (Alt+S)</source>
        <translation>自动重新审计 (Alt+S)</translation>
    </message>
    <message>
        <source>Auditing…</source>
        <translation>正在审计…</translation>
    </message>
    <message>
        <source>Audit again now (F5)</source>
        <translation>立即重新审计 (F5)</translation>
    </message>
</context>
<context>
    <name>Workstation</name>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Security log</source>
        <translation>安全日志</translation>
    </message>
    <message>
        <source>Security settings</source>
        <translation>安全设置</translation>
    </message>
    <message>
        <source>Local files</source>
        <translation>本地文件</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实时预览</translation>
    </message>
    <message>
        <source>Playback</source>
        <translation>回放</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Event Center</source>
        <translation>事件中心</translation>
    </message>
    <message>
        <source>Security wizard</source>
        <translation>安全向导</translation>
    </message>
</context>
<context>
    <name>vigil::app::AuditItemModel</name>
    <message>
        <source>Pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <source>Not audited yet</source>
        <translation>尚未审计</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Confirmed by %1 on %2</source>
        <translation>由 %1 于 %2 确认</translation>
    </message>
    <message>
        <source>Confirmed by %1: %2</source>
        <translation>由 %1 确认：%2</translation>
    </message>
    <message>
        <source>Nobody has confirmed this yet.</source>
        <translation>尚无人确认。</translation>
    </message>
</context>
<context>
    <name>vigil::app::ClientSettings</name>
    <message>
        <source>Lock the workstation</source>
        <translation>锁定工作站</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <source>Alarm sound on or off</source>
        <translation>开关报警声音</translation>
    </message>
    <message>
        <source>Open the Event Center</source>
        <translation>打开事件中心</translation>
    </message>
    <message>
        <source>Snapshot of the selected tile</source>
        <translation>对所选窗格抓图</translation>
    </message>
    <message>
        <source>Local files</source>
        <translation>本地文件</translation>
    </message>
    <message>
        <source>Workstation settings</source>
        <translation>工作站设置</translation>
    </message>
    <message>
        <source>The settings could not be saved to %1. Check that the folder is writable.</source>
        <translation>无法将设置保存到 %1。请检查该文件夹是否可写。</translation>
    </message>
    <message>
        <source>The default stream must be automatic, main or sub, not &quot;%1&quot;.</source>
        <translation>默认码流必须是自动、主码流或子码流，而不是“%1”。</translation>
    </message>
    <message>
        <source>Automatic (by tile size)</source>
        <translation>自动（按窗格大小）</translation>
    </message>
    <message>
        <source>Main stream</source>
        <translation>主码流</translation>
    </message>
    <message>
        <source>Sub stream</source>
        <translation>子码流</translation>
    </message>
    <message>
        <source>Buffering must be from %1 to %2 ms.</source>
        <translation>缓冲必须在 %1 到 %2 毫秒之间。</translation>
    </message>
    <message>
        <source>Give the folder&apos;s full path, for example %1.</source>
        <translation>请填写文件夹的完整路径，例如 %1。</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder. Choose a folder.</source>
        <translation>%1 是文件而不是文件夹。请选择文件夹。</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created. Check that the disk is writable, or choose another folder in Settings.</source>
        <translation>无法创建文件夹 %1。请检查磁盘是否可写，或在“设置”中选择其他文件夹。</translation>
    </message>
    <message>
        <source>There is no action &quot;%1&quot; to give keys to.</source>
        <translation>不存在可设置快捷键的操作“%1”。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a key combination. Write it like Ctrl+Shift+S or F5.</source>
        <translation>“%1”不是有效的组合键。请按 Ctrl+Shift+S 或 F5 的格式填写。</translation>
    </message>
    <message>
        <source>%1 opens a page of the rail. Choose other keys.</source>
        <translation>%1 用于打开导航栏中的页面。请选择其他按键。</translation>
    </message>
    <message>
        <source>%1 is already used for &quot;%2&quot;. Change that one first.</source>
        <translation>%1 已用于“%2”。请先修改那一项。</translation>
    </message>
</context>
<context>
    <name>vigil::app::DeviceListModel</name>
    <message>
        <source>No devices</source>
        <translation>没有设备</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s), %1 online</source>
        <translation>
            <numerusform>%n 台设备，%1 台在线</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Wrong credentials</source>
        <translation>凭据错误</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>无法访问</translation>
    </message>
    <message>
        <source>Stream error</source>
        <translation>码流错误</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已禁用</translation>
    </message>
    <message>
        <source>No driver</source>
        <translation>没有驱动</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>waiting for the stream</source>
        <translation>正在等待码流</translation>
    </message>
    <message>
        <source>%1 fps</source>
        <translation>%1 fps</translation>
    </message>
    <message>
        <source>%1 kbit/s</source>
        <translation>%1 kbit/s</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>自 %1 起</translation>
    </message>
    <message>
        <source>Enter the camera&apos;s address: an RTSP URL (rtsp://host:554/path) or, for ONVIF, its host name or IP address.</source>
        <translation>输入摄像机的地址：RTSP URL（rtsp://host:554/path），或者对于 ONVIF，输入其主机名或 IP 地址。</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>正在测试连接…</translation>
    </message>
    <message numerus="yes">
        <source>Connected: %1, firmware %2, %n channel(s).</source>
        <translation>
            <numerusform>已连接：%1，固件 %2，%n 个通道。</numerusform>
        </translation>
    </message>
    <message>
        <source>the camera answered</source>
        <translation>摄像机已应答</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Connected.</source>
        <translation>已连接。</translation>
    </message>
    <message>
        <source>Test cancelled.</source>
        <translation>测试已取消。</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host or host:port. Enter an address such as 192.168.1.20 or 192.168.1.20:3702, or leave it empty to search the local network.</source>
        <translation>“%1”不是主机或主机:端口。请输入如 192.168.1.20 或 192.168.1.20:3702 的地址，或留空以搜索本地网络。</translation>
    </message>
    <message>
        <source>Searching for ONVIF cameras…</source>
        <translation>正在搜索 ONVIF 摄像机…</translation>
    </message>
    <message numerus="yes">
        <source>Search cancelled; %n camera(s) found.</source>
        <translation>
            <numerusform>搜索已取消；找到 %n 台摄像机。</numerusform>
        </translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>搜索失败：%1</translation>
    </message>
    <message>
        <source>No ONVIF camera answered. Check that the cameras are on this network (or enter one&apos;s address to probe) and that ONVIF discovery is on.</source>
        <translation>没有 ONVIF 摄像机应答。请检查摄像机是否在此网络中（或输入某台摄像机的地址进行探测），以及 ONVIF 发现是否已开启。</translation>
    </message>
    <message numerus="yes">
        <source>%n camera(s) found.</source>
        <translation>
            <numerusform>找到 %n 台摄像机。</numerusform>
        </translation>
    </message>
    <message>
        <source>(no group)</source>
        <translation>（无分组）</translation>
    </message>
    <message>
        <source>Enter the group&apos;s name.</source>
        <translation>请输入分组名称。</translation>
    </message>
</context>
<context>
    <name>vigil::app::EmbeddedEngine</name>
    <message>
        <source>The engine has no HTTPS service.</source>
        <translation>服务器引擎没有 HTTPS 服务。</translation>
    </message>
</context>
<context>
    <name>vigil::app::EventCenterModel</name>
    <message>
        <source>New</source>
        <translation>新</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>已处理</translation>
    </message>
    <message>
        <source>raised</source>
        <translation>产生</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>handled</source>
        <translation>已处理</translation>
    </message>
    <message>
        <source>commented</source>
        <translation>已备注</translation>
    </message>
    <message>
        <source>server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Device online</source>
        <translation>设备在线</translation>
    </message>
    <message>
        <source>Device offline</source>
        <translation>设备离线</translation>
    </message>
    <message>
        <source>Device refused the credentials</source>
        <translation>设备拒绝了凭据</translation>
    </message>
    <message>
        <source>Stream error</source>
        <translation>码流错误</translation>
    </message>
    <message>
        <source>Motion</source>
        <translation>移动侦测</translation>
    </message>
    <message>
        <source>Motion ended</source>
        <translation>移动结束</translation>
    </message>
    <message>
        <source>Camera event</source>
        <translation>摄像机事件</translation>
    </message>
    <message>
        <source>Storage problem</source>
        <translation>存储问题</translation>
    </message>
    <message>
        <source>Recording stopped</source>
        <translation>录像已停止</translation>
    </message>
    <message>
        <source>Recording gap</source>
        <translation>录像中断</translation>
    </message>
    <message>
        <source>Failed sign-in</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>Lockout</source>
        <translation>账户锁定</translation>
    </message>
    <message>
        <source>Server health</source>
        <translation>服务器状态</translation>
    </message>
    <message>
        <source>Manual alarm</source>
        <translation>手动报警</translation>
    </message>
    <message>
        <source>Repeated events</source>
        <translation>重复事件</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message numerus="yes">
        <source>%n events, newest first</source>
        <translation>
            <numerusform>%n 个事件，最新的在前</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a time range and search.</source>
        <translation>选择时间范围并搜索。</translation>
    </message>
    <message>
        <source>No events match.</source>
        <translation>没有匹配的事件。</translation>
    </message>
    <message>
        <source>Page %1: events %2 to %3</source>
        <translation>第 %1 页：事件 %2 至 %3</translation>
    </message>
    <message>
        <source>Every kind</source>
        <translation>所有类型</translation>
    </message>
    <message>
        <source>Write times as %1 or %2, or leave them empty.</source>
        <translation>时间请写成 %1 或 %2，或者留空。</translation>
    </message>
    <message>
        <source>The end of the time range is before its start.</source>
        <translation>时间范围的结束早于开始。</translation>
    </message>
    <message>
        <source>Check the alarms to act on first.</source>
        <translation>请先勾选要处理的报警。</translation>
    </message>
    <message>
        <source>Write the comment first.</source>
        <translation>请先填写备注。</translation>
    </message>
    <message numerus="yes">
        <source>%n alarms %1.</source>
        <translation>
            <numerusform>%n 个报警%1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Say what the alarm is about.</source>
        <translation>请说明报警的内容。</translation>
    </message>
    <message>
        <source>Alarm raised.</source>
        <translation>报警已产生。</translation>
    </message>
    <message>
        <source>Name the file to export to.</source>
        <translation>请指定要导出到的文件。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Choose another folder.</source>
        <translation>无法写入 %1：%2。请选择其他文件夹。</translation>
    </message>
    <message numerus="yes">
        <source>%n events exported to %1.</source>
        <translation>
            <numerusform>已导出 %n 个事件到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Time synchronisation</source>
        <translation>时间同步</translation>
    </message>
    <message>
        <source>Certificate expiry</source>
        <translation>证书到期</translation>
    </message>
    <message>
        <source>Security level dropped</source>
        <translation>安全级别下降</translation>
    </message>
</context>
<context>
    <name>vigil::app::EventRuleModel</name>
    <message>
        <source>When %1 → %2</source>
        <translation>当 %1 → %2</translation>
    </message>
    <message>
        <source>any event</source>
        <translation>任何事件</translation>
    </message>
    <message>
        <source>Rule &quot;%1&quot; saved.</source>
        <translation>规则“%1”已保存。</translation>
    </message>
    <message>
        <source>Rule &quot;%1&quot; deleted.</source>
        <translation>规则“%1”已删除。</translation>
    </message>
    <message>
        <source>, on schedule</source>
        <translation>，按时间表</translation>
    </message>
    <message>
        <source>The schedule has no day: the rule would never fire. Check the days it works on, or choose &quot;Always&quot;.</source>
        <translation>时间表没有任何一天：规则永远不会触发。请勾选生效的日期，或选择“始终”。</translation>
    </message>
    <message>
        <source>The schedule&apos;s times must be written as HH:mm, 00:00 to 24:00 (for example 22:00 to 06:00).</source>
        <translation>时间表的时间须写成 HH:mm，00:00 至 24:00（例如 22:00 至 06:00）。</translation>
    </message>
    <message>
        <source>Choose the preset the PTZ camera moves to, or no PTZ camera.</source>
        <translation>请选择 PTZ 摄像机要转到的预置位，或选择无 PTZ 摄像机。</translation>
    </message>
    <message numerus="yes">
        <source> from %n source(s)</source>
        <translation>
            <numerusform> 来自 %n 个来源</numerusform>
        </translation>
    </message>
    <message>
        <source>alarm</source>
        <translation>报警</translation>
    </message>
    <message>
        <source>record</source>
        <translation>录像</translation>
    </message>
    <message>
        <source>pop-up</source>
        <translation>弹出画面</translation>
    </message>
    <message>
        <source>sound</source>
        <translation>声音</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>syslog</source>
        <translation>Syslog</translation>
    </message>
    <message>
        <source>PTZ preset</source>
        <translation>PTZ 预置位</translation>
    </message>
    <message>
        <source>The rule &quot;%1&quot; was deleted elsewhere while you were editing it. Your form is kept: Save makes the rule again, Cancel lets it go.</source>
        <translation>规则“%1”在您编辑时已在别处被删除。您的表单仍保留：保存将重新创建该规则，取消则放弃。</translation>
    </message>
    <message>
        <source>%1 deleted the rule &quot;%2&quot; while you were editing it. Your form is kept: Save makes the rule again, Cancel lets it go.</source>
        <translation>%1 在您编辑时删除了规则“%2”。您的表单仍保留：保存将重新创建该规则，取消则放弃。</translation>
    </message>
    <message>
        <source>The rule &quot;%1&quot; was changed elsewhere while you were editing it. Your form is kept: Save puts your version over it, or load the other version.</source>
        <translation>规则“%1”在您编辑时已在别处被修改。您的表单仍保留：保存将以您的版本覆盖，或加载另一版本。</translation>
    </message>
    <message>
        <source>%1 changed the rule &quot;%2&quot; while you were editing it. Your form is kept: Save puts your version over it, or load the other version.</source>
        <translation>%1 在您编辑时修改了规则“%2”。您的表单仍保留：保存将以您的版本覆盖，或加载另一版本。</translation>
    </message>
</context>
<context>
    <name>vigil::app::ExportListModel</name>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>正在下载…</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
</context>
<context>
    <name>vigil::app::LicenceModel</name>
    <message>
        <source>Licensed, %1</source>
        <translation>已授权，%1</translation>
    </message>
    <message>
        <source>Licensed</source>
        <translation>已授权</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Not valid</source>
        <translation>无效</translation>
    </message>
    <message>
        <source>Cascade parent</source>
        <translation>级联上级</translation>
    </message>
    <message>
        <source>Sub servers</source>
        <translation>下级服务器</translation>
    </message>
    <message>
        <source>Hot standby</source>
        <translation>热备</translation>
    </message>
    <message>
        <source>Video wall</source>
        <translation>电视墙</translation>
    </message>
    <message>
        <source>No end date</source>
        <translation>无截止日期</translation>
    </message>
    <message>
        <source>%1 (ended)</source>
        <translation>%1（已结束）</translation>
    </message>
    <message>
        <source>1 day left</source>
        <translation>剩余 1 天</translation>
    </message>
    <message>
        <source>%1 days left</source>
        <translation>剩余 %1 天</translation>
    </message>
    <message>
        <source>Cannot read the %1 %2: %3. Choose the file again.</source>
        <translation>无法读取%1 %2：%3。请重新选择文件。</translation>
    </message>
    <message>
        <source>%1 is not a %2 (it is not a JSON object). Choose the file as Vigil or the vendor made it.</source>
        <translation>%1 不是%2（它不是 JSON 对象）。请选择 Vigil 或厂商生成的原文件。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Choose another folder.</source>
        <translation>无法写入 %1：%2。请选择其他文件夹。</translation>
    </message>
    <message>
        <source>Enter the activation code from the vendor.</source>
        <translation>请输入厂商提供的激活码。</translation>
    </message>
    <message>
        <source>Express deactivation file</source>
        <translation>Express 停用文件</translation>
    </message>
    <message>
        <source>Asking the vendor&apos;s activation service...</source>
        <translation>正在询问厂商的激活服务...</translation>
    </message>
    <message>
        <source>Activated online: %1, %2 channels.</source>
        <translation>已在线激活：%1，%2 个通道。</translation>
    </message>
    <message>
        <source>Making the request file...</source>
        <translation>正在生成请求文件...</translation>
    </message>
    <message>
        <source>Request file saved to %1. Give it to the vendor and import the activation file they return.</source>
        <translation>请求文件已保存到 %1。请将其交给厂商，并导入厂商返回的激活文件。</translation>
    </message>
    <message>
        <source>activation file</source>
        <translation>激活文件</translation>
    </message>
    <message>
        <source>Importing the activation file...</source>
        <translation>正在导入激活文件...</translation>
    </message>
    <message>
        <source>Activation file imported: %1, %2 channels.</source>
        <translation>激活文件已导入：%1，%2 个通道。</translation>
    </message>
    <message>
        <source>Deactivating the Express licence...</source>
        <translation>正在停用 Express 许可证...</translation>
    </message>
    <message>
        <source>Express licence deactivated; the deactivation file is at %1. Use it with the Pro upgrade code.</source>
        <translation>Express 许可证已停用；停用文件位于 %1。请将其与 Pro 升级码一起使用。</translation>
    </message>
</context>
<context>
    <name>vigil::app::LiveView</name>
    <message>
        <source>Every tile is in use. Drag the camera onto a tile to replace its picture, or choose a larger layout.</source>
        <translation>所有窗格均已占用。请将摄像机拖到某个窗格上以替换其画面，或选择更大的布局。</translation>
    </message>
    <message>
        <source>The snapshot folder %1 cannot be created. Choose another folder in the settings.</source>
        <translation>无法创建抓图文件夹 %1。请在设置中选择其他文件夹。</translation>
    </message>
    <message>
        <source>Layout “%1” saved.</source>
        <translation>布局“%1”已保存。</translation>
    </message>
    <message>
        <source>Give the layout a name to save it.</source>
        <translation>请为布局命名后再保存。</translation>
    </message>
    <message>
        <source>That layout is gone; it may have been deleted on another workstation.</source>
        <translation>该布局已不存在，可能已在其他工作站上被删除。</translation>
    </message>
    <message>
        <source>Put cameras into tiles first: the tour shows each of them in turn.</source>
        <translation>请先将摄像机放入窗格：轮巡会依次显示每个窗格。</translation>
    </message>
    <message>
        <source>Those tiles cannot be joined: tile %1 would be cut in two. Choose tiles that make a rectangle.</source>
        <translation>这些窗格无法合并：窗格 %1 会被一分为二。请选择能组成矩形的窗格。</translation>
    </message>
</context>
<context>
    <name>vigil::app::LocalFilesModel</name>
    <message>
        <source>No program on this computer opens %1.</source>
        <translation>本机没有可以打开 %1 的程序。</translation>
    </message>
    <message>
        <source>No file manager on this computer opens %1.</source>
        <translation>本机没有可以打开 %1 的文件管理器。</translation>
    </message>
    <message>
        <source>%1 could not be removed: %2</source>
        <translation>无法删除 %1：%2</translation>
    </message>
</context>
<context>
    <name>vigil::app::MotionSettingsModel</name>
    <message>
        <source>Off.</source>
        <translation>已关闭。</translation>
    </message>
    <message>
        <source>Off. Turn it on to have the server watch this camera&apos;s picture.</source>
        <translation>已关闭。开启后服务器将监视此摄像机的画面。</translation>
    </message>
    <message>
        <source>Waiting for the stream.</source>
        <translation>正在等待码流。</translation>
    </message>
    <message>
        <source>Watching; no motion.</source>
        <translation>正在监视，无移动。</translation>
    </message>
    <message>
        <source>Motion now.</source>
        <translation>当前有移动。</translation>
    </message>
    <message>
        <source>Failed: the server cannot read the stream.</source>
        <translation>失败：服务器无法读取码流。</translation>
    </message>
    <message>
        <source>Reads the sub stream.</source>
        <translation>读取子码流。</translation>
    </message>
    <message>
        <source>Reads the main stream.</source>
        <translation>读取主码流。</translation>
    </message>
    <message>
        <source>%1 video packets received, %2 dropped before decoding, %3 pictures compared.</source>
        <translation>已接收 %1 个视频包，解码前丢弃 %2 个，已比较 %3 幅画面。</translation>
    </message>
    <message>
        <source>No motion seen yet.</source>
        <translation>尚未侦测到移动。</translation>
    </message>
    <message>
        <source>Last motion %1.</source>
        <translation>最近一次移动：%1。</translation>
    </message>
    <message>
        <source>There is no cell at column %1, row %2: the grid has %3 columns and %4 rows.</source>
        <translation>第 %1 列第 %2 行没有单元格：网格共有 %3 列 %4 行。</translation>
    </message>
    <message>
        <source>These regions cannot be used: %1</source>
        <translation>无法使用这些区域：%1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>vigil::app::PlaybackController</name>
    <message>
        <source>At most %1 cameras play together. Remove one before adding another.</source>
        <translation>最多 %1 台摄像机同时播放。请先移除一台再添加。</translation>
    </message>
    <message>
        <source>Cannot read the recordings of %1: %2</source>
        <translation>无法读取 %1 的录像：%2</translation>
    </message>
    <message>
        <source>“%1” is not a date and time. Write it as 2026-11-23 14:30:00, 2026-11-23 or 14:30.</source>
        <translation>“%1”不是日期和时间。请写成 2026-11-23 14:30:00、2026-11-23 或 14:30。</translation>
    </message>
    <message>
        <source>%1 is in the future: nothing is recorded yet.</source>
        <translation>%1 在未来：尚无录像。</translation>
    </message>
    <message>
        <source>Your role may not export video. Ask an administrator for the export permission.</source>
        <translation>您的角色不能导出视频。请向管理员申请导出权限。</translation>
    </message>
    <message>
        <source>Choose a camera first.</source>
        <translation>请先选择摄像机。</translation>
    </message>
    <message>
        <source>Select the range to export on the timeline first (Shift+drag, or [ and ] at the playhead).</source>
        <translation>请先在时间轴上选择要导出的范围（Shift+拖动，或在播放头处按 [ 和 ]）。</translation>
    </message>
    <message>
        <source>An export covers at most 24 hours. Select a shorter range.</source>
        <translation>一次导出最多 24 小时。请选择更短的范围。</translation>
    </message>
    <message>
        <source>The export of %1 did not start: %2</source>
        <translation>%1 的导出未能开始：%2</translation>
    </message>
</context>
<context>
    <name>vigil::app::RoleListModel</name>
    <message>
        <source>All channels</source>
        <translation>所有通道</translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s)</source>
        <translation>
            <numerusform>%n 个通道</numerusform>
        </translation>
    </message>
    <message>
        <source>All permissions</source>
        <translation>全部权限</translation>
    </message>
    <message>
        <source>No permissions</source>
        <translation>无权限</translation>
    </message>
    <message>
        <source>%1 is a built-in role and cannot be changed. Make a new role instead.</source>
        <translation>%1 是内置角色，不能修改。请新建角色。</translation>
    </message>
    <message>
        <source>Give the role a name.</source>
        <translation>请为角色命名。</translation>
    </message>
</context>
<context>
    <name>vigil::app::SecurityLogModel</name>
    <message>
        <source>The newest %1 of %2 matching entries. Narrow the search, or export all of them.</source>
        <translation>显示 %2 条匹配条目中最新的 %1 条。请缩小搜索范围，或全部导出。</translation>
    </message>
    <message numerus="yes">
        <source>%n matching entries</source>
        <translation>
            <numerusform>%n 条匹配条目</numerusform>
        </translation>
    </message>
    <message>
        <source>Every kind</source>
        <translation>所有类型</translation>
    </message>
    <message>
        <source>Write times as %1 or %2, or leave them empty.</source>
        <translation>时间请写作 %1 或 %2，或留空。</translation>
    </message>
    <message>
        <source>The end of the time range is before its start.</source>
        <translation>时间范围的结束早于开始。</translation>
    </message>
    <message>
        <source>Enter the path of the CSV file to write.</source>
        <translation>请输入要写入的 CSV 文件路径。</translation>
    </message>
    <message>
        <source>The folder %1 does not exist. Choose an existing folder.</source>
        <translation>文件夹 %1 不存在。请选择已有的文件夹。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Choose another place.</source>
        <translation>无法写入 %1：%2。请选择其他位置。</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
</context>
<context>
    <name>vigil::app::SecuritySettingsModel</name>
    <message>
        <source>0 (never)</source>
        <translation>0（永不）</translation>
    </message>
    <message>
        <source>Use %1 to %2.</source>
        <translation>请使用 %1 到 %2。</translation>
    </message>
    <message>
        <source>Off: every address</source>
        <translation>关闭：允许所有地址</translation>
    </message>
    <message>
        <source>Allow list: only these addresses</source>
        <translation>允许列表：仅允许这些地址</translation>
    </message>
    <message>
        <source>Deny list: all but these addresses</source>
        <translation>拒绝列表：除这些地址外均允许</translation>
    </message>
    <message>
        <source>STARTTLS (usually port 587)</source>
        <translation>STARTTLS（通常为端口 587）</translation>
    </message>
    <message>
        <source>TLS (usually port 465)</source>
        <translation>TLS（通常为端口 465）</translation>
    </message>
    <message>
        <source>Some values are out of range; see the fields marked in red.</source>
        <translation>部分数值超出范围，请查看标红的字段。</translation>
    </message>
    <message>
        <source>Saved. New sign-ins and sessions follow these settings.</source>
        <translation>已保存。新的登录和会话将遵循这些设置。</translation>
    </message>
    <message>
        <source>Saved. The filter applies to new connections and requests at once.</source>
        <translation>已保存。过滤规则立即对新的连接和请求生效。</translation>
    </message>
    <message>
        <source>Enter the mail server&apos;s name, such as smtp.example.com.</source>
        <translation>请输入邮件服务器名称，例如 smtp.example.com。</translation>
    </message>
    <message>
        <source>Enter the address the e-mails come from.</source>
        <translation>请输入发件地址。</translation>
    </message>
    <message>
        <source>Saved. Send a test e-mail to check the settings.</source>
        <translation>已保存。请发送测试邮件检查设置。</translation>
    </message>
    <message>
        <source>The mail server accepted the test e-mail for the reserved address.</source>
        <translation>邮件服务器已接受发往预留地址的测试邮件。</translation>
    </message>
</context>
<context>
    <name>vigil::app::SecurityWizard</name>
    <message>
        <source>Looking at the site…</source>
        <translation>正在分析站点…</translation>
    </message>
    <message>
        <source>Cameras: %1, user accounts: %2. Level %3 suits a site of this size.</source>
        <translation>摄像机：%1，用户账户：%2。等级 %3 适合此规模的站点。</translation>
    </message>
    <message>
        <source>%1: level %2 is the baseline for this kind of site.</source>
        <translation>%1：等级 %2 是此类站点的基线。</translation>
    </message>
    <message>
        <source>A higher level is better still where the site can keep it up.</source>
        <translation>如果站点能够长期维持，更高的等级更好。</translation>
    </message>
    <message>
        <source>Starting the audit…</source>
        <translation>正在启动审计…</translation>
    </message>
    <message>
        <source>Auditing…</source>
        <translation>正在审计…</translation>
    </message>
    <message>
        <source>Checked: %1</source>
        <translation>已检查：%1</translation>
    </message>
    <message>
        <source>Reading the results…</source>
        <translation>正在读取结果…</translation>
    </message>
    <message>
        <source>Audit cancelled; the results shown are from the audit before.</source>
        <translation>审计已取消；显示的是上一次审计的结果。</translation>
    </message>
    <message>
        <source>The audit failed.</source>
        <translation>审计失败。</translation>
    </message>
    <message>
        <source>No audit yet.</source>
        <translation>尚未审计。</translation>
    </message>
    <message>
        <source>Level %1 audit of %2 (scheduled)</source>
        <translation>%2 的等级 %1 审计（计划）</translation>
    </message>
    <message>
        <source>Level %1 audit of %2 by %3</source>
        <translation>%3 于 %2 执行的等级 %1 审计</translation>
    </message>
    <message>
        <source>below the chosen level %1: audit again to see its items</source>
        <translation>低于所选等级 %1：请重新审计以查看其项目</translation>
    </message>
    <message>
        <source>changes since: audit again to confirm them</source>
        <translation>此后有更改：请重新审计以确认</translation>
    </message>
    <message>
        <source>Say what you checked and how, so an auditor can follow it (for example: &quot;walked the site, all cameras on VLAN 30&quot;).</source>
        <translation>请说明您检查了什么以及如何检查，以便审计人员核实（例如：“已巡查现场，所有摄像机均在 VLAN 30”）。</translation>
    </message>
    <message>
        <source>Your confirmation of &quot;%1&quot; is recorded with your name and the time.</source>
        <translation>您对“%1”的确认已连同您的姓名和时间一并记录。</translation>
    </message>
    <message>
        <source>The confirmation of &quot;%1&quot; is withdrawn.</source>
        <translation>对“%1”的确认已撤销。</translation>
    </message>
    <message>
        <source>No fix is chosen. Tick the fixes to apply in the audit step.</source>
        <translation>未选择任何修复。请在审计步骤中勾选要应用的修复。</translation>
    </message>
    <message>
        <source>Taking a configuration backup before any change…</source>
        <translation>正在更改前备份配置…</translation>
    </message>
    <message>
        <source>Applying fixes: %1 of %2 done</source>
        <translation>正在应用修复：已完成 %1/%2</translation>
    </message>
    <message>
        <source>Fixes applied. Auditing again to confirm them…</source>
        <translation>修复已应用。正在重新审计以确认…</translation>
    </message>
    <message>
        <source>Cancelled: the fixes listed below were applied before the cancel.</source>
        <translation>已取消：以下列出的修复在取消前已应用。</translation>
    </message>
    <message>
        <source>Nothing was changed: the backup taken before the fixes needs a passphrase (10 characters or more). Enter one below and press Enter to apply again; keep it, a restore asks for it.</source>
        <translation>未做任何更改：修复前的备份需要口令（至少 10 个字符）。请在下方输入并按 Enter 重新应用；请妥善保管，恢复时需要输入。</translation>
    </message>
    <message>
        <source>The fixes failed.</source>
        <translation>修复失败。</translation>
    </message>
    <message>
        <source>No backup was taken: %1</source>
        <translation>未进行备份：%1</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>检查中…</translation>
    </message>
    <message>
        <source>Fixes applied and audited again: the states below are what the audit sees now.</source>
        <translation>修复已应用并重新审计：下方状态为当前审计结果。</translation>
    </message>
    <message>
        <source>Auditing again first, so the report includes the changes made since the last audit…</source>
        <translation>先重新审计，使报告包含自上次审计以来的更改…</translation>
    </message>
    <message>
        <source>Cannot make the folder %1. Choose a folder you may write to.</source>
        <translation>无法创建文件夹 %1。请选择您有写入权限的文件夹。</translation>
    </message>
    <message>
        <source>The report could not be saved as %1: %2</source>
        <translation>报告无法保存为 %1：%2</translation>
    </message>
    <message>
        <source>Report saved as PDF and HTML in %1.</source>
        <translation>报告已以 PDF 和 HTML 格式保存到 %1。</translation>
    </message>
    <message>
        <source>Never (on demand only)</source>
        <translation>从不（仅手动）</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>每天</translation>
    </message>
    <message>
        <source>Every week</source>
        <translation>每周</translation>
    </message>
    <message>
        <source>Every 30 days</source>
        <translation>每 30 天</translation>
    </message>
    <message>
        <source>No level chosen for this site yet.</source>
        <translation>此站点尚未选择等级。</translation>
    </message>
    <message>
        <source>The audit runs only when someone starts it.</source>
        <translation>审计仅在有人手动启动时运行。</translation>
    </message>
    <message>
        <source>The server audits again every %1 hours.</source>
        <translation>服务器每 %1 小时重新审计一次。</translation>
    </message>
    <message>
        <source>The site keeps level %1. %2 When an audit finds it below that level, a security drift event is raised (rules can turn it into an alarm).</source>
        <translation>站点保持等级 %1。%2 当审计发现低于该等级时，将触发安全偏离事件（规则可将其转为报警）。</translation>
    </message>
    <message>
        <source>Saved: level %1, %2.</source>
        <translation>已保存：等级 %1，%2。</translation>
    </message>
    <message>
        <source>no scheduled audit</source>
        <translation>无计划审计</translation>
    </message>
    <message>
        <source>audit every %1 hours</source>
        <translation>每 %1 小时审计一次</translation>
    </message>
</context>
<context>
    <name>vigil::app::SessionController</name>
    <message>
        <source>The server no longer accepts this session (%1). Sign in again.</source>
        <translation>服务器不再接受此会话（%1）。请重新登录。</translation>
    </message>
    <message>
        <source>Custom role</source>
        <translation>自定义角色</translation>
    </message>
    <message>
        <source>Automatic lock is off</source>
        <translation>自动锁定已关闭</translation>
    </message>
    <message numerus="yes">
        <source>Locks after %n minute(s) without input</source>
        <translation>
            <numerusform>无操作 %n 分钟后锁定</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot ask the server whether it is set up: %1</source>
        <translation>无法向服务器查询是否已初始化：%1</translation>
    </message>
    <message>
        <source>Enter a user name for the administrator.</source>
        <translation>请输入管理员用户名。</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the same password in both fields.</source>
        <translation>两次输入的密码不一致。请在两个字段中输入相同的密码。</translation>
    </message>
    <message>
        <source>Enter the e-mail address reserved for password reset, like admin@example.com.</source>
        <translation>请输入用于重置密码的预留邮箱，例如 admin@example.com。</translation>
    </message>
    <message>
        <source>Give %1 security questions with their answers.</source>
        <translation>请提供 %1 个安全问题及其答案。</translation>
    </message>
    <message>
        <source>Each of the %1 security questions needs a question and an answer.</source>
        <translation>%1 个安全问题都需要填写问题和答案。</translation>
    </message>
    <message>
        <source>Ask %1 different security questions.</source>
        <translation>请提出 %1 个不同的安全问题。</translation>
    </message>
    <message>
        <source>The site is ready. Sign in as %1 with the password you just chose.</source>
        <translation>站点已就绪。请使用刚设置的密码以 %1 身份登录。</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <source>You signed out.</source>
        <translation>您已退出登录。</translation>
    </message>
    <message>
        <source>Enter your current password.</source>
        <translation>请输入当前密码。</translation>
    </message>
    <message>
        <source>The two new passwords differ. Type the same password in both fields.</source>
        <translation>两次输入的新密码不一致。请在两个字段中输入相同的密码。</translation>
    </message>
    <message>
        <source>The new password is the current one. Choose a different password.</source>
        <translation>新密码与当前密码相同。请选择其他密码。</translation>
    </message>
    <message>
        <source>Enter the password of %1 to unlock.</source>
        <translation>请输入 %1 的密码以解锁。</translation>
    </message>
</context>
<context>
    <name>vigil::app::SessionListModel</name>
    <message>
        <source>This is your own session: use Sign out in the user menu instead.</source>
        <translation>这是您自己的会话：请改用用户菜单中的“退出登录”。</translation>
    </message>
</context>
<context>
    <name>vigil::app::SiteListModel</name>
    <message>
        <source>last used %1</source>
        <translation>上次使用 %1</translation>
    </message>
</context>
<context>
    <name>vigil::app::UserListModel</name>
    <message>
        <source>Disabled</source>
        <translation>已禁用</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Not yet valid</source>
        <translation>尚未生效</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>无限制</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>any time</source>
        <translation>任意时间</translation>
    </message>
    <message>
        <source>no end</source>
        <translation>无结束</translation>
    </message>
    <message>
        <source>Any address</source>
        <translation>任意地址</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Enter a user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>Choose a role.</source>
        <translation>请选择角色。</translation>
    </message>
    <message>
        <source>Write validity dates as %1, or leave them empty.</source>
        <translation>有效日期请写作 %1，或留空。</translation>
    </message>
    <message>
        <source>The validity ends before it starts. Check the two dates.</source>
        <translation>有效期的结束早于开始。请检查两个日期。</translation>
    </message>
    <message>
        <source>%1 is not an address or a network like 10.0.0.0/8.</source>
        <translation>%1 不是地址，也不是 10.0.0.0/8 这样的网段。</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the same password in both fields.</source>
        <translation>两次输入的密码不一致。请在两个字段中输入相同的密码。</translation>
    </message>
</context>
<context>
    <name>vigil::app::VideoPlayer</name>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>The video was interrupted. Reconnecting…</source>
        <translation>视频中断，正在重新连接…</translation>
    </message>
    <message>
        <source>The camera is offline. Trying again…</source>
        <translation>摄像机离线，正在重试…</translation>
    </message>
    <message>
        <source>Your session is no longer valid. Sign in again to see video.</source>
        <translation>您的会话已失效。请重新登录以查看视频。</translation>
    </message>
    <message>
        <source>You have no rights to view this camera.</source>
        <translation>您无权查看此摄像机。</translation>
    </message>
    <message>
        <source>Nothing is recorded at this time.</source>
        <translation>此时间没有录像。</translation>
    </message>
    <message>
        <source>This video cannot be played.</source>
        <translation>无法播放此视频。</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>The workstation is not connected to a site.</source>
        <translation>工作站未连接到站点。</translation>
    </message>
</context>
<context>
    <name>vigil::app::Workstation</name>
    <message>
        <source>The server built into this workstation could not start: %1</source>
        <translation>本工作站内置的服务器无法启动：%1</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>standalone</source>
        <translation>单机</translation>
    </message>
    <message>
        <source>client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Starting the server…</source>
        <translation>正在启动服务器…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Waiting for trust</source>
        <translation>等待信任确认</translation>
    </message>
    <message>
        <source>Connected · live</source>
        <translation>已连接 · 实时</translation>
    </message>
    <message>
        <source>Connected · reconnecting</source>
        <translation>已连接 · 正在重连</translation>
    </message>
    <message>
        <source>Certificate authority changed</source>
        <translation>证书颁发机构已变更</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>No site</source>
        <translation>无站点</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address and a port from 1 to 65535.</source>
        <translation>请输入服务器地址和 1 到 65535 之间的端口。</translation>
    </message>
    <message>
        <source>1 core, whole host</source>
        <translation>1 核，整机</translation>
    </message>
    <message>
        <source>%1 cores, whole host</source>
        <translation>%1 核，整机</translation>
    </message>
    <message>
        <source>Data disk</source>
        <translation>数据盘</translation>
    </message>
    <message>
        <source>Disk %1</source>
        <translation>磁盘 %1</translation>
    </message>
    <message>
        <source>Figures from %1, updated %2 (live over the event connection)</source>
        <translation>数据来自 %1，更新于 %2（通过事件连接实时推送）</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>自 %1 起</translation>
    </message>
    <message>
        <source>min</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>no figures yet</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <source>needs the system settings permission</source>
        <translation>需要“系统设置”权限</translation>
    </message>
    <message>
        <source>Recordings, mirror</source>
        <translation>录像（镜像）</translation>
    </message>
    <message>
        <source>Recordings</source>
        <translation>录像</translation>
    </message>
    <message>
        <source>no storage location set</source>
        <translation>未设置存储位置</translation>
    </message>
    <message>
        <source>%1 free of %2</source>
        <translation>可用 %1，共 %2</translation>
    </message>
</context>
</TS>
