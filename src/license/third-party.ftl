<#-- THIRD-PARTY.txt of the release, written by the license-maven-plugin (pom.xml, "third-party-notice").
     dependencyMap: each bundled artifact (a MavenProject) with its licences, already merged into the
     families of pom.xml's licenseMerges. A library offered under several licences is listed under the
     one the release uses: Apache-2.0 when offered, else the first its POM names. -->
<#function chosen licenses>
  <#list licenses as l><#if l == "Apache-2.0"><#return l></#if></#list>
  <#return licenses[0]>
</#function>
<#function jar p>
  <#if p.artifact.classifier?has_content>
    <#return p.artifactId + "-" + p.version + "-" + p.artifact.classifier + ".jar">
  </#if>
  <#return p.artifactId + "-" + p.version + ".jar">
</#function>
<#function sources p>
  <#return "https://repo1.maven.org/maven2/" + p.groupId?replace(".", "/") + "/" + p.artifactId + "/" + p.version + "/" + p.artifactId + "-" + p.version + "-sources.jar">
</#function>
<#assign asks = {
  "Apache-2.0": "Apache License 2.0 (https://www.apache.org/licenses/LICENSE-2.0; its full text is LICENSE in this\nrelease, the licence of advies itself). Asks: pass on a copy of the licence and any NOTICE file of the\nwork (the jars below are shipped unmodified and keep their own META-INF/NOTICE files), and state\nchanges made to it (none were made).",
  "MIT": "MIT License (https://opensource.org/license/mit). Asks: keep the copyright notice and the\npermission notice with every copy. The jars below carry them (META-INF/LICENSE.txt, META-INF/jsoup/LICENSE).",
  "BSD": "BSD License (https://opensource.org/license/bsd-3-clause). Asks: binary copies reproduce the\ncopyright notice, the list of conditions and the disclaimer in their documentation, and the names of\nthe authors are not used to promote this product. The jars below carry no licence file, so\neach one's notice follows it, as the library's source files state it.",
  "EPL-2.0": "Eclipse Public License 2.0 (https://www.eclipse.org/legal/epl-2.0/). Asks: object code is\ndistributed under terms that offer its source code to the recipient; the source of each library\nbelow is at the address given with it, and the jars are shipped unmodified.",
  "LGPL-2.1-or-later": "GNU Lesser General Public License 2.1 or later (https://www.gnu.org/licenses/old-licenses/lgpl-2.1.html).\nAsks: the library's source code is made available to whoever receives it, and the user can replace\nthe library with a modified version. The jars below are shipped unmodified as separate files in\nlib/ (replace one by a build of the same version, changed as you like, and advies uses it); their\nsource code is at the address given with each, and at https://github.com/openhtmltopdf/openhtmltopdf.\nThe jars carry the licence texts (META-INF/LICENSE-LGPL-2.1.txt)."
}>
<#-- The BSD licence asks that binary copies carry the notice; these jars carry none, so the notices
     are here, as the libraries' source files state them. A BSD library without one is marked MISSING,
     which ReleaseNoticesIT refuses. -->
<#assign bsdNotice_antlr4_runtime>
[The "BSD 3-clause license"]
Copyright (c) 2012-2022 The ANTLR Project. All rights reserved.

Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions
are met:

 1. Redistributions of source code must retain the above copyright
    notice, this list of conditions and the following disclaimer.
 2. Redistributions in binary form must reproduce the above copyright
    notice, this list of conditions and the following disclaimer in the
    documentation and/or other materials provided with the distribution.
 3. Neither the name of the copyright holder nor the names of its contributors
    may be used to endorse or promote products derived from this software
    without specific prior written permission.

THIS SOFTWARE IS PROVIDED BY THE AUTHOR ``AS IS'' AND ANY EXPRESS OR
IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES
OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED.
IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR ANY DIRECT, INDIRECT,
INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT
NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE,
DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY
THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT
(INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF
THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
</#assign>
<#assign bsdNotice_antlr_runtime>
[The "BSD license"]
Copyright (c) 2010 Terence Parr
All rights reserved.

Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions
are met:

 1. Redistributions of source code must retain the above copyright
    notice, this list of conditions and the following disclaimer.
 2. Redistributions in binary form must reproduce the above copyright
    notice, this list of conditions and the following disclaimer in the
    documentation and/or other materials provided with the distribution.
 3. The name of the author may not be used to endorse or promote products
    derived from this software without specific prior written permission.

THIS SOFTWARE IS PROVIDED BY THE AUTHOR ``AS IS'' AND ANY EXPRESS OR
IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES
OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED.
IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR ANY DIRECT, INDIRECT,
INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT
NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE,
DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY
THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT
(INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF
THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
</#assign>
<#assign bsdNotice_curvesapi>
Copyright (c) 2005, Graph Builder
All rights reserved.

Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions
are met:

* Redistributions of source code must retain the above copyright notice,
this list of conditions and the following disclaimer.

* Redistributions in binary form must reproduce the above copyright notice,
this list of conditions and the following disclaimer in the documentation
and/or other materials provided with the distribution.

* Neither the name of Graph Builder nor the names of its contributors may be
used to endorse or promote products derived from this software without
specific prior written permission.

THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"
AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT OWNER OR CONTRIBUTORS BE LIABLE
FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
</#assign>
<#assign bsdNotices = {"antlr4-runtime": bsdNotice_antlr4_runtime, "antlr-runtime": bsdNotice_antlr_runtime, "curvesapi": bsdNotice_curvesapi}>
<#assign order = ["Apache-2.0", "MIT", "BSD", "EPL-2.0", "LGPL-2.1-or-later"]>
advies: third-party software
=============================

The release bundles ${dependencyMap?size} libraries, as the jars in lib/. Each is listed below under
the licence the release uses it under, with what that licence asks of whoever passes the software on,
and for each library its name, Maven coordinates and home page. advies itself is licensed under the
Apache License 2.0 (LICENSE). This file is generated by the build from the libraries' own POMs; the
build fails when a library with no licence, or with a licence not listed here, enters.
<#list order as family>
<#assign members = []>
<#list dependencyMap as e><#if chosen(e.getValue()) == family><#assign members = members + [e.getKey()]></#if></#list>
<#if members?size &gt; 0>

--- ${family} (${members?size}) ---

${asks[family]}

<#list members as p>
  lib/${jar(p)}
      ${p.name} (${p.groupId}:${p.artifactId}:${p.version}) ${p.url!""}
<#if family == "LGPL-2.1-or-later" || family == "EPL-2.0">
      source: ${sources(p)}
</#if>
<#if family == "BSD">
      notice:
<#if bsdNotices[p.artifactId]??>
${bsdNotices[p.artifactId]?trim?replace("(?m)^(?=.)", "        ", "r")}
<#else>
        MISSING: add this library's notice to src/license/third-party.ftl
</#if>

</#if>
</#list>
</#if>
</#list>
